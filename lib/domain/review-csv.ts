// A review's per-concern counts as CSV, for spreadsheets: the same counts as the overview, the report and the
// Markdown export (OutcomeCounts), with a last row for the whole review.

import { toCsv, type CsvCell } from "./csv";
import type { ReviewReport } from "./review-markdown";
import { OUTCOME_COUNT_KEYS } from "./outcome-counts";
import { OUTCOME_COUNT_WORDS } from "./words";

export const REVIEW_CSV_HEADERS = [
  "Concern",
  "Items",
  "Answered",
  ...OUTCOME_COUNT_KEYS.map((key) => OUTCOME_COUNT_WORDS[key]),
  OUTCOME_COUNT_WORDS.unanswered,
] as const;

/** Said in the last row's first cell. */
export const REVIEW_CSV_TOTAL = "All concerns";

type Counts = ReviewReport["concerns"][number]["counts"];

const row = (label: string, counts: Counts): CsvCell[] => [
  label,
  counts.total,
  counts.answered,
  ...OUTCOME_COUNT_KEYS.map((key) => counts[key]),
  counts.unanswered,
];

export function reviewCountsCsv(report: Pick<ReviewReport, "concerns">): string {
  const total: Counts = { total: 0, answered: 0, met: 0, na: 0, waived: 0, partial: 0, notMet: 0, unanswered: 0 };
  for (const { counts } of report.concerns) {
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
  }
  return toCsv(REVIEW_CSV_HEADERS, [...report.concerns.map((c) => row(c.title, c.counts)), row(REVIEW_CSV_TOTAL, total)]);
}

/** review-<slug>-<YYYY-MM-DD>.csv, beside the Markdown file's name. */
export function csvFileName(markdownFileName: string): string {
  return markdownFileName.replace(/\.md$/, ".csv");
}
