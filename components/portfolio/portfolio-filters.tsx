import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { compareQuarters } from "@/lib/domain/quarters";
import { TIERS } from "@/lib/domain/types";
import { movementQuarterOptions, type PortfolioQuery } from "@/lib/schemas/portfolio";
import { TIER_LABELS } from "@/lib/schemas/service";

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
        <Field label="Team" name="team" id="portfolio-team" className="w-56">
          <Select defaultValue={query.team}>
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.slug} value={team.slug}>
                {team.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Tier" name="tier" id="portfolio-tier" className="w-48">
          <Select defaultValue={query.tier === undefined ? "" : String(query.tier)}>
            <option value="">All tiers</option>
            {TIERS.map((tier) => (
              <option key={tier} value={String(tier)}>
                {TIER_LABELS[tier]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Movement from" name="from" id="portfolio-from" className="w-40">
          <Select defaultValue={query.from}>
            {quarters.map((quarter) => (
              <option key={quarter} value={quarter}>
                {quarter}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Movement to" name="to" id="portfolio-to" className="w-40">
          <Select defaultValue={query.to}>
            {quarters.map((quarter) => (
              <option key={quarter} value={quarter}>
                {quarter}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {isFiltered ? (
            <Link href="/portfolio" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
