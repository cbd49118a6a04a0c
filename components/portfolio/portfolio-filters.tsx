import { Field, Select } from "@/components/ui/field";
import { FilterActions, TeamFilter, TierFilter } from "@/components/ui/filter-controls";
import { ValueOptions } from "@/components/ui/select-options";
import { compareQuarters } from "@/lib/domain/quarters";
import { movementQuarterOptions, type PortfolioQuery } from "@/lib/schemas/portfolio";

export type PortfolioFiltersProps = {
  teams: { slug: string; name: string }[];
  query: PortfolioQuery;
  isFiltered: boolean;
};

/** Newest first; a quarter picked through an old link stays selectable even when it is outside the usual range. */
function quarterOptions(query: PortfolioQuery): string[] {
  const options = new Set([...movementQuarterOptions(query.current), query.from, query.to]);
  return [...options].sort((a, b) => compareQuarters(b, a));
}

/**
 * A plain GET form: filters live in the URL, so a filtered portfolio can be shared, bookmarked, reloaded and
 * exported, and the form works before JavaScript loads.
 */
export function PortfolioFilters({ teams, query, isFiltered }: PortfolioFiltersProps) {
  const quarters = quarterOptions(query);
  return (
    <form method="get" action="/portfolio" role="search" aria-label="Filter the portfolio" className="mb-6" data-print="hide">
      <div className="flex flex-wrap items-end gap-4">
        <TeamFilter id="portfolio-team" className="w-56" teams={teams} value={query.team} />
        <TierFilter id="portfolio-tier" value={query.tier} />
        <Field label="Movement from" name="from" id="portfolio-from" className="w-40">
          <Select defaultValue={query.from}>
            <ValueOptions values={quarters} />
          </Select>
        </Field>
        <Field label="Movement to" name="to" id="portfolio-to" className="w-40">
          <Select defaultValue={query.to}>
            <ValueOptions values={quarters} />
          </Select>
        </Field>
        <FilterActions isFiltered={isFiltered} clearHref="/portfolio" />
      </div>
    </form>
  );
}
