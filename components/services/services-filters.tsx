import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { TIERS } from "@/lib/domain/types";
import { TIER_LABELS, type ServicesSearchParams } from "@/lib/schemas/service";

export type ServicesFiltersProps = {
  teams: { slug: string; name: string }[];
  current: ServicesSearchParams;
};

/**
 * A plain GET form: the filters live in the URL, so a filtered list can be shared, bookmarked and
 * reloaded, and it works before JavaScript loads. Leaving `page` out sends the person back to page 1.
 */
export function ServicesFilters({ teams, current }: ServicesFiltersProps) {
  const isFiltered = current.q !== "" || current.team !== "" || current.tier !== undefined;
  return (
    <form method="get" action="/services" role="search" aria-label="Filter services" className="mb-6">
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Search" name="q" className="min-w-56 flex-1">
          <Input type="search" defaultValue={current.q} placeholder="Name or slug" maxLength={100} />
        </Field>
        <Field label="Team" name="team" id="filter-team" className="w-56">
          <Select defaultValue={current.team}>
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.slug} value={team.slug}>
                {team.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Tier" name="tier" id="filter-tier" className="w-48">
          <Select defaultValue={current.tier === undefined ? "" : String(current.tier)}>
            <option value="">All tiers</option>
            {TIERS.map((tier) => (
              <option key={tier} value={String(tier)}>
                {TIER_LABELS[tier]}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {isFiltered ? (
            <Link href="/services" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
