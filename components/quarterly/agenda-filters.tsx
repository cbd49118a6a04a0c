import { FilterActions, TeamFilter } from "@/components/ui/filter-controls";

export type AgendaFiltersProps = {
  /** Where the form sends the filter: the view it sits on. */
  action: string;
  teams: { slug: string; name: string }[];
  team: string;
};

/** A plain GET form: the team filter lives in the URL, so a team's meeting can be shared and reloaded. */
export function AgendaFilters({ action, teams, team }: AgendaFiltersProps) {
  return (
    <form method="get" action={action} role="search" aria-label="Filter the agenda" className="mb-6 print:hidden" data-print="hide">
      <div className="flex flex-wrap items-end gap-3">
        <TeamFilter id="quarterly-team" className="w-64" teams={teams} value={team} />
        <FilterActions isFiltered={team !== ""} clearHref={action} noun="filter" />
      </div>
    </form>
  );
}
