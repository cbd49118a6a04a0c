import type { Tier } from "@/lib/domain/types";
import { Button } from "./button";
import { Field, Select } from "./field";
import { TeamOptions, TierOptions } from "./select-options";
import { TextLink } from "@/components/ui/text-link";

// Pieces of the plain GET filter forms (portfolio, services, quarterly agenda): their names and values are
// the URL's query parameters, so each piece must send the same ones wherever it is used.

export type TeamFilterProps = {
  id: string;
  className?: string;
  teams: readonly { slug: string; name: string }[];
  /** The selected team's slug; "" for all teams. */
  value: string;
};

/** One team by slug (?team=…), or all teams. */
export function TeamFilter({ id, className, teams, value }: TeamFilterProps) {
  return (
    <Field label="Team" name="team" id={id} className={className}>
      <Select defaultValue={value}>
        <option value="">All teams</option>
        <TeamOptions teams={teams} by="slug" />
      </Select>
    </Field>
  );
}

/** One tier (?tier=1), or all tiers. */
export function TierFilter({ id, value }: { id: string; value: Tier | null | undefined }) {
  return (
    <Field label="Tier" name="tier" id={id} className="w-48">
      <Select defaultValue={value == null ? "" : String(value)}>
        <option value="">All tiers</option>
        <TierOptions />
      </Select>
    </Field>
  );
}

export type FilterActionsProps = {
  isFiltered: boolean;
  clearHref: string;
  /** "filter" on a form with a single filter. */
  noun?: "filter" | "filters";
};

/** Submits the filter form; offers a way back to the unfiltered view while any filter is set. */
export function FilterActions({ isFiltered, clearHref, noun = "filters" }: FilterActionsProps) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" variant="secondary">
        Apply {noun}
      </Button>
      {isFiltered ? (
        <TextLink href={clearHref} className="text-sm font-medium">
          Clear {noun}
        </TextLink>
      ) : null}
    </div>
  );
}
