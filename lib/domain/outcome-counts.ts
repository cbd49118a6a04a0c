// The per-concern count columns, in the one order every table and export prints them (headings in words.ts).

import type { OutcomeCounts } from "./maturity";

/** The outcome columns after "Answered": MET, N/A (its own count), waived, partial, not met. */
export const OUTCOME_COUNT_KEYS = ["met", "na", "waived", "partial", "notMet"] as const satisfies readonly (keyof OutcomeCounts)[];

/** "answered/total" then one number per OUTCOME_COUNT_KEYS column, aligned with CONCERN_COUNT_HEADINGS. */
export function concernCountCells(counts: Pick<OutcomeCounts, "answered" | "total" | (typeof OUTCOME_COUNT_KEYS)[number]>): string[] {
  return [`${counts.answered}/${counts.total}`, ...OUTCOME_COUNT_KEYS.map((key) => String(counts[key]))];
}
