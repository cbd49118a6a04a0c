import type { MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import { quarterEnd, quarterLastDay } from "@/lib/domain/quarters";
import { MEETING_OUTCOME_WORDS } from "@/lib/domain/words";
import { formatDate, formatDateTime } from "@/lib/format/dates";

// Sentences the quarterly meeting pages share, so the agenda, presenter mode and the minutes agree (the words
// themselves live in lib/domain/words.ts).

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

/** "Follow-up for Dana, due 3 Dec 2026. Recorded by Sam, 26 Nov 2026, 16:00 UTC." */
export function describeOutcome(outcome: MeetingOutcomeDto): string {
  const what =
    outcome.outcome === "FOLLOW_UP" && outcome.followUpDue
      ? `Follow-up for ${outcome.followUpOwner ?? "—"}, due ${formatDate(outcome.followUpDue)}`
      : MEETING_OUTCOME_WORDS[outcome.outcome];
  return `${what}. Recorded by ${outcome.recordedBy?.name ?? "someone"}, ${formatDateTime(outcome.recordedAt)}.`;
}

/** When the agenda is judged: "26 Nov 2026" while the quarter runs, "the end of 2026-Q1 (31 Mar 2026)" after. */
export function asOfLabel(quarter: string, asOf: Date): string {
  if (asOf.getTime() === quarterEnd(quarter).getTime()) return `the end of ${quarter} (${formatDate(quarterLastDay(quarter))})`;
  return formatDate(asOf);
}
