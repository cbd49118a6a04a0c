import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { pageSummary, Pagination } from "@/components/ui/pagination";
import { CreateTeamForm } from "@/components/admin/create-team-form";
import { ListSearch } from "@/components/admin/list-search";
import { TeamsTable } from "@/components/admin/teams-table";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { listTeamsForAdmin } from "@/lib/db/admin-teams";
import { ADMIN_PAGE_SIZE, adminListSearchParams, type AdminListSearch } from "@/lib/schemas/admin";
import { ADMIN_TEAMS_PATH, adminTeamsHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Teams · Admin" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function teamsHref(search: AdminListSearch, page = search.page): string {
  return adminTeamsHref({ q: search.q, page });
}

export default async function AdminTeamsPage({ searchParams }: PageProps) {
  const search = adminListSearchParams.parse(await searchParams);
  const viewer = await requireViewer(teamsHref(search));
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const list = await listTeamsForAdmin(viewer, { q: search.q, page: search.page, pageSize: ADMIN_PAGE_SIZE });

  return (
    <>
      <AdminPageHeader
        title="Teams"
        description="Teams own services; their members edit those services' reviews. Open a team to rename it."
      />
      <Card className="mb-8">
        <CardHeader>
          <CardTitle>Create a team</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateTeamForm />
        </CardContent>
      </Card>
      <h2 className="mb-3 text-lg font-semibold text-ink">All teams</h2>
      <ListSearch action={ADMIN_TEAMS_PATH} label="Search teams" placeholder="Name or slug" q={search.q} />
      {list.total === 0 ? (
        <EmptyState
          as="h3"
          title={search.q ? "No teams match" : "No teams yet"}
          description={search.q ? "Try another search, or clear it to see every team." : "Create the first team above."}
        />
      ) : list.items.length === 0 ? (
        <EmptyState
          as="h3"
          title="This page is empty"
          description={`There are ${list.total} teams on ${list.pageCount} pages.`}
          action={<ButtonLink href={teamsHref(search, 1)}>Go to the first page</ButtonLink>}
        />
      ) : (
        <>
          <TeamsTable
            teams={list.items}
            caption={`Teams${search.q ? ` matching “${search.q}”` : ""}, page ${list.page} of ${list.pageCount}`}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            summary={pageSummary(list.page, list.pageCount, list.total, "team")}
            hrefFor={(page) => teamsHref(search, page)}
          />
        </>
      )}
    </>
  );
}
