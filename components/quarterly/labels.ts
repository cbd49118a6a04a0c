import { formatDateTime, formatDay } from "@/components/reviews/labels";
import type { MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import { quarterEnd, quarterLastDay, type ReviewDueReason } from "@/lib/domain/quarters";
import type { MeetingOutcomeKind } from "@/lib/schemas/quarterly";

// Human words for the quarterly meeting, in one place so the agenda, presenter mode and the minutes agree.

export { TRIGGER_LABELS, formatDateTime, formatDay } from "@/components/reviews/labels";

export const OUTCOME_LABELS: Record<MeetingOutcomeKind, string> = {
  REVIEWED: "Reviewed",
  FOLLOW_UP: "Follow-up",
};

export const DUE_REASON_LABELS: Record<ReviewDueReason, string> = {
  "never-reviewed": "Never reviewed",
  stale: "No decided review in 90 days",
  trigger: "Trigger pending",
};

/** "1 service", "3 services". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Signed difference for "what changed": "+2", "−1" (U+2212, read as "minus"), "±0". */
export function signed(delta: number): string {
  if (delta === 0) return "±0";
  return delta > 0 ? `+${delta}` : `\u2212${-delta}`;
}

export function daysSinceLabel(days: number | null): string {
  if (days === null) return "Never reviewed";
  return `${plural(days, "day")} since last review`;
}

/** "Follow-up for Dana, due Dec 3, 2026. Recorded by Sam, Nov 26, 2026, 4:00 PM UTC." */
export function describeOutcome(outcome: MeetingOutcomeDto): string {
  const what =
    outcome.outcome === "FOLLOW_UP" && outcome.followUpDue
      ? `Follow-up for ${outcome.followUpOwner ?? "—"}, due ${formatDay(outcome.followUpDue)}`
      : OUTCOME_LABELS[outcome.outcome];
  return `${what}. Recorded by ${outcome.recordedBy?.name ?? "someone"}, ${formatDateTime(outcome.recordedAt)}.`;
}

/** When the agenda is judged: "Nov 26, 2026" while the quarter runs, "the end of 2026-Q1 (Mar 31, 2026)" after. */
export function asOfLabel(quarter: string, asOf: Date): string {
  if (asOf.getTime() === quarterEnd(quarter).getTime()) return `the end of ${quarter} (${formatDay(quarterLastDay(quarter))})`;
  return formatDay(asOf.toISOString().slice(0, 10));
}
