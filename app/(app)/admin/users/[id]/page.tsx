import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { EditUserForm } from "@/components/admin/edit-user-form";
import { EndSessionsButton } from "@/components/settings/end-sessions-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { getUserForAdmin } from "@/lib/db/admin-users";
import { listTeams } from "@/lib/db/teams";
import { ADMIN_USERS_PATH, adminUserHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Edit user · Admin" };

type PageProps = { params: Promise<{ id: string }> };

export default async function EditUserPage({ params }: PageProps) {
  const { id } = await params;
  const href = adminUserHref(id);
  const viewer = await requireViewer(href);
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const [user, teams] = await Promise.all([getUserForAdmin(viewer, id), listTeams()]);
  if (!user) notFound();

  return (
    <>
      <AdminPageHeader
        title={user.name}
        description={user.email}
        parents={[{ label: "Users", href: ADMIN_USERS_PATH }]}
        meta={
          user.disabledAt ? (
            <Badge tone="danger">Disabled</Badge>
          ) : user.isInvited ? (
            <Badge tone="info">Invited, not signed in yet</Badge>
          ) : null
        }
      />
      <Card>
        <CardContent className="pt-5">
          <EditUserForm
            teams={teams}
            reloadHref={href}
            isSelf={user.id === viewer.id}
            initialValues={{
              id: user.id,
              // The version this form was loaded with: saving fails instead of overwriting a newer change.
              expectedUpdatedAt: user.updatedAt.toISOString(),
              role: user.role,
              teamIds: user.teams.map((team) => team.id),
              disabled: user.disabledAt !== null,
            }}
          />
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Sessions</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-ink-muted">
            Ends every signed-in session of {user.name} at once (changing their role or disabling them does too). They can sign in again
            unless disabled; their API tokens are not affected.
          </p>
          <EndSessionsButton userId={user.id} whose={`${user.name}’s`} />
        </CardContent>
      </Card>
    </>
  );
}
