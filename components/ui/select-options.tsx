import { TIERS } from "@/lib/domain/types";
import { TIER_WORDS } from "@/lib/domain/words";

/** One <option> per tier, valued "1"…"3" as forms and URLs carry them, labelled as everywhere else. */
export function TierOptions() {
  return TIERS.map((tier) => (
    <option key={tier} value={String(tier)}>
      {TIER_WORDS[tier]}
    </option>
  ));
}

/** Options that are their own label, such as quarters ("2025-Q3"). */
export function ValueOptions({ values }: { values: readonly string[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {value}
    </option>
  ));
}
