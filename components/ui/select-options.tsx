import { TIERS } from "@/lib/domain/types";
import { TIER_WORDS } from "@/lib/domain/words";

/** One <option> per value, labelled with the product's word for it (lib/domain/words.ts). */
export function WordOptions<K extends string | number>({ values, words }: { values: readonly K[]; words: Record<K, string> }) {
  return values.map((value) => (
    <option key={value} value={String(value)}>
      {words[value]}
    </option>
  ));
}

/** One <option> per tier, valued "1"…"3" as forms and URLs carry them, labelled as everywhere else. */
export function TierOptions() {
  return <WordOptions values={TIERS} words={TIER_WORDS} />;
}

/** One <option> per team, valued by its id or its slug (URLs carry slugs, forms ids). */
export function TeamOptions({ teams, by }: { teams: readonly { id?: string; slug?: string; name: string }[]; by: "id" | "slug" }) {
  return teams.map((team) => {
    const value = team[by] ?? "";
    return (
      <option key={value} value={value}>
        {team.name}
      </option>
    );
  });
}

/** Options that are their own label, such as quarters ("2025-Q3"). */
export function ValueOptions({ values }: { values: readonly string[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {value}
    </option>
  ));
}
