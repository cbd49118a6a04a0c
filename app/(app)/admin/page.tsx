import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { levelLabel } from "@/components/readiness/level-badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { getAdminOverview } from "@/lib/db/settings";
import { TIERS } from "@/lib/domain/types";
import { TextLink } from "@/components/ui/text-link";
import { ADMIN_PATH, ADMIN_SETTINGS_PATH, ADMIN_TEAMS_PATH, ADMIN_TEMPLATES_PATH, ADMIN_USERS_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Admin" };

type Section = { href: string; title: string; description: string; figures: string[] };

export default async function AdminOverviewPage() {
  const viewer = await requireViewer(ADMIN_PATH);
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const overview = await getAdminOverview(viewer);
  const targets = overview.tierTargets.targets;

  const sections: Section[] = [
    {
      href: ADMIN_USERS_PATH,
      title: "Users",
      description: "Invite people, set their role and teams, disable accounts.",
      figures: [
        `${overview.activeUsers} active`,
        `${overview.invitedUsers} invited, not signed in yet`,
        `${overview.disabledUsers} disabled`,
        `${overview.activeAdmins} active ${overview.activeAdmins === 1 ? "admin" : "admins"}`,
      ],
    },
    {
      href: ADMIN_TEAMS_PATH,
      title: "Teams",
      description: "Create teams and rename them.",
      figures: [`${overview.teams} ${overview.teams === 1 ? "team" : "teams"}`],
    },
    {
      href: ADMIN_SETTINGS_PATH,
      title: "Tier targets",
      description: "The maturity level each tier must reach.",
      figures: [
        ...TIERS.map((tier) => `Tier ${tier}: ${levelLabel(targets[tier])}`),
        overview.tierTargets.source === "saved" ? "Set by an admin" : "Defaults in force",
      ],
    },
    {
      href: ADMIN_TEMPLATES_PATH,
      title: "Checklist templates",
      description: "The checklist versions reviews are based on (read-only).",
      figures: [`${overview.templateVersions} ${overview.templateVersions === 1 ? "version" : "versions"} installed`],
    },
  ];

  return (
    <>
      <PageHeader title="Admin" description="Manage who can do what in Shipshape, and the organisation-wide review settings." />
      <ul className="grid gap-6 md:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Card className="h-full">
              <CardHeader>
                <div>
                  <CardTitle>
                    <TextLink href={section.href}>{section.title}</TextLink>
                  </CardTitle>
                  <CardDescription>{section.description}</CardDescription>
                </div>
              </CardHeader>
              <CardContent>
                <ul className="space-y-1 text-sm text-ink">
                  {section.figures.map((figure) => (
                    <li key={figure}>{figure}</li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
