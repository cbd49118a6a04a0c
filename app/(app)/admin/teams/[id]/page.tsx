import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { RenameTeamForm } from "@/components/admin/rename-team-form";
import { Card, CardContent } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { getTeamForAdmin } from "@/lib/db/admin-teams";
import { ADMIN_TEAMS_PATH, adminTeamHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Rename team · Admin" };

type PageProps = { params: Promise<{ id: string }> };

export default async function RenameTeamPage({ params }: PageProps) {
  const { id } = await params;
  const viewer = await requireViewer(adminTeamHref(id));
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const team = await getTeamForAdmin(viewer, id);
  if (!team) notFound();

  return (
    <>
      <AdminPageHeader
        title={team.name}
        description={`Slug ${team.slug} · ${team.memberCount} ${team.memberCount === 1 ? "member" : "members"} · ${team.serviceCount} ${team.serviceCount === 1 ? "service" : "services"}. The slug stays as it is, so links and filters that use it keep working.`}
        parents={[{ label: "Teams", href: ADMIN_TEAMS_PATH }]}
      />
      <Card>
        <CardContent className="pt-5">
          <RenameTeamForm initialValues={{ id: team.id, name: team.name }} />
        </CardContent>
      </Card>
    </>
  );
}
