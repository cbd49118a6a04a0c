import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { listTeams } from "@/lib/db/teams";

export const metadata: Metadata = { title: "Invite user · Admin" };

export default async function InviteUserPage() {
  const viewer = await requireViewer("/admin/users/new");
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const teams = await listTeams();
  return (
    <>
      <PageHeader
        title="Invite user"
        description="Add someone before their first sign-in, with the role and teams they should start with. They sign in through single sign-on, which finds them by email; no password is set."
        breadcrumbs={[{ label: "Admin", href: "/admin" }, { label: "Users", href: "/admin/users" }, { label: "Invite user" }]}
      />
      <Card>
        <CardContent className="pt-5">
          <InviteUserForm teams={teams} />
        </CardContent>
      </Card>
    </>
  );
}
