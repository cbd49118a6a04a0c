import type { Metadata } from "next";
import { ServicesFilters } from "@/components/services/services-filters";
import { ServicesTable } from "@/components/services/services-table";
import { ServicesTablePagination } from "@/components/services/services-table-pagination";
import { ButtonLink } from "@/components/ui/button";
import { InlineIcon } from "@/components/ui/inline-icon";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/session/viewer";
import { queryServicesTable } from "@/lib/db/services-table";
import { listTeams, listTeamsForViewer } from "@/lib/db/teams";
import {
  clearFiltersHref,
  isFiltered,
  parseServicesTableState,
  servicesExportHref,
  servicesTableHref,
  type RawSearchParams,
} from "@/lib/schemas/services-table";

export const metadata: Metadata = { title: "Services" };

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function ServicesPage({ searchParams }: PageProps) {
  const requested = parseServicesTableState(await searchParams);
  const viewer = await requireViewer(servicesTableHref(requested));
  const [teams, creatableTeams] = await Promise.all([listTeams(), listTeamsForViewer(viewer)]);
  // An unknown team slug (a renamed team in an old link) is dropped rather than hiding every service.
  const knownTeams = new Set(teams.map((team) => team.slug));
  const state = { ...requested, teams: requested.teams.filter((slug) => knownTeams.has(slug)) };
  const table = await queryServicesTable(state);

  const canCreate = creatableTeams.length > 0;
  const newServiceButton = canCreate ? <ButtonLink href="/services/new">New service</ButtonLink> : null;
  const header = (
    <PageHeader
      title="Services"
      description="Every service in the portfolio: its maturity level against its tier's target, its last verdict and when its next review is due."
      actions={newServiceButton}
    />
  );

  if (table.total === 0 && !isFiltered(state)) {
    return (
      <>
        {header}
        <EmptyState
          title="No services yet — create the first one"
          description={
            canCreate
              ? "Add a service to track its production readiness reviews, maturity level and go/no-go verdicts."
              : "Editors add their team's services here. Ask an editor or an admin to add the first one."
          }
          action={newServiceButton}
        />
      </>
    );
  }

  const first = (state.page - 1) * state.size + 1;
  const last = first + table.rows.length - 1;

  return (
    <>
      {header}
      <ServicesFilters teams={teams} state={state} />
      {table.total === 0 ? (
        <EmptyState
          title="No services match these filters"
          description="Try another search, or clear the filters to see every service."
          action={
            <ButtonLink href={clearFiltersHref(state)} variant="secondary">
              Clear filters
            </ButtonLink>
          }
        />
      ) : table.rows.length === 0 ? (
        <EmptyState
          title="This page is empty"
          description={`This view has ${table.total} services on ${table.pageCount} pages.`}
          action={<ButtonLink href={servicesTableHref(state, { page: table.pageCount })}>Go to the last page</ButtonLink>}
        />
      ) : (
        <section aria-label="Services in this view">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-ink-muted">
              Showing {first}–{last} of {table.total} {table.total === 1 ? "service" : "services"}
            </p>
            {/* The query carries this view to the export. */}
            <ButtonLink href={servicesExportHref(state)} download variant="secondary" size="sm">
              <InlineIcon className="size-4">
                <path d="M8 2v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
              </InlineIcon>
              Download CSV
            </ButtonLink>
          </div>
          <ServicesTable rows={table.rows} state={state} total={table.total} pageCount={table.pageCount} />
          <ServicesTablePagination state={state} pageCount={table.pageCount} total={table.total} />
        </section>
      )}
    </>
  );
}
