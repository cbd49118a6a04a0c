import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { Card, CardContent } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { listTeams } from "@/lib/db/teams";
import { ADMIN_USERS_PATH, INVITE_USER_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Invite user · Admin" };

export default async function InviteUserPage() {
  const viewer = await requireViewer(INVITE_USER_PATH);
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const teams = await listTeams();
  return (
    <>
      <AdminPageHeader
        title="Invite user"
        description="Add someone before their first sign-in, with the role and teams they should start with. They sign in through single sign-on, which finds them by email; no password is set."
        parents={[{ label: "Users", href: ADMIN_USERS_PATH }]}
      />
      <Card>
        <CardContent className="pt-5">
          <InviteUserForm teams={teams} />
        </CardContent>
      </Card>
    </>
  );
}
