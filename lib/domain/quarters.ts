// Calendar quarters ("2026-Q4") and the 90-day review cadence. Everything is UTC: a quarter
// boundary must not move with the server's time zone or DST. Nothing here reads a clock —
// callers pass `now` / `asOf`.

import { isoDay, MS_PER_DAY, parseIsoDay, shiftDays } from "./days";

export type QuarterNumber = 1 | 2 | 3 | 4;
export type QuarterParts = { year: number; q: QuarterNumber };

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Days without a decided review after which a service is due again. */
export const REVIEW_INTERVAL_DAYS = 90;

/** Strict "YYYY-Qn" (n 1–4); anything else — "2026-q4", "2026-Q5", " 2026-Q1" — is null. */
export function parseQuarter(value: string): QuarterParts | null {
  const match = QUARTER.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), q: Number(match[2]) as QuarterNumber };
}

/** Throws on years outside 0–9999 because they cannot round-trip through "YYYY-Qn". */
export function formatQuarter(parts: QuarterParts): string {
  const { year, q } = parts;
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  if (![1, 2, 3, 4].includes(q)) throw new RangeError(`Quarter out of range: ${String(q)}`);
  return `${String(year).padStart(4, "0")}-Q${q}`;
}

/** Internal: callers get a RangeError instead of silently computing with NaN. */
function mustParse(value: string): QuarterParts {
  const parts = parseQuarter(value);
  if (!parts) throw new RangeError(`Not a quarter (expected YYYY-Qn): ${JSON.stringify(value)}`);
  return parts;
}

/** setUTCFullYear instead of Date.UTC, which maps years 0–99 to 1900–1999. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** Quarter containing a Date (read in UTC) or a strict "YYYY-MM-DD" calendar day. */
export function quarterOf(date: Date | string): string {
  let ms: number;
  if (typeof date === "string") {
    const day = parseIsoDay(date);
    if (day === null) throw new RangeError(`Not a calendar day (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
    ms = day * MS_PER_DAY;
  } else {
    ms = date.getTime();
    if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  }
  const d = new Date(ms);
  return formatQuarter({ year: d.getUTCFullYear(), q: (Math.floor(d.getUTCMonth() / 3) + 1) as QuarterNumber });
}

export function currentQuarter(now: Date): string {
  return quarterOf(now);
}

/** 00:00 UTC on the first day of the quarter. */
export function quarterStart(quarter: string): Date {
  const { year, q } = mustParse(quarter);
  return utcDate(year, (q - 1) * 3, 1);
}

/** Exclusive end: 00:00 UTC on the first day of the next quarter, so `start <= t < end` selects it. */
export function quarterEnd(quarter: string): Date {
  const { year, q } = mustParse(quarter);
  return utcDate(year, q * 3, 1);
}

/** "YYYY-MM-DD" of the first day. */
export function quarterStartDay(quarter: string): string {
  return isoDay(quarterStart(quarter));
}

/** "YYYY-MM-DD" of the exclusive end (first day of the next quarter). */
export function quarterEndDay(quarter: string): string {
  return isoDay(quarterEnd(quarter));
}

/** "YYYY-MM-DD" of the last day inside the quarter, for labels like "1 Oct – 31 Dec". */
export function quarterLastDay(quarter: string): string {
  return isoDay(shiftDays(quarterEnd(quarter), -1));
}

/** Shift by n quarters (n may be negative); 2026-Q1 − 1 = 2025-Q4. */
export function addQuarters(quarter: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Quarter offset must be an integer: ${n}`);
  const { year, q } = mustParse(quarter);
  const index = year * 4 + (q - 1) + n;
  return formatQuarter({ year: Math.floor(index / 4), q: ((((index % 4) + 4) % 4) + 1) as QuarterNumber });
}

/** The n quarters ending with `quarter`, oldest first; [] for n <= 0. */
export function lastQuarters(quarter: string, n: number): string[] {
  if (!Number.isInteger(n)) throw new RangeError(`Quarter count must be an integer: ${n}`);
  mustParse(quarter);
  const result: string[] = [];
  for (let i = n - 1; i >= 0; i -= 1) result.push(addQuarters(quarter, -i));
  return result;
}

/** Negative / 0 / positive, usable directly with Array.prototype.sort. */
export function compareQuarters(a: string, b: string): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  return pa.year * 4 + pa.q - (pb.year * 4 + pb.q);
}

export type ReviewDueInput = {
  /** When the latest decided review was decided; null when there never was one. */
  lastDecidedAt: Date | null;
  /** A trigger (major release, incident, handoff...) is waiting for a review. */
  pendingTrigger: boolean;
  asOf: Date;
};

export type ReviewDueReason = "never-reviewed" | "stale" | "trigger";

/**
 * Why a review is due, or null when it is not. The window is measured in exact milliseconds:
 * a review decided exactly 90 × 24 h before `asOf` still covers the service (not due); one
 * millisecond older — and so 91 days — is due. A decision "in the future" (clock skew) counts as fresh.
 * A pending trigger wins over staleness because it is the more specific call to action.
 */
export function reviewDueReason(input: ReviewDueInput): ReviewDueReason | null {
  if (input.pendingTrigger) return "trigger";
  if (input.lastDecidedAt === null) return "never-reviewed";
  const elapsed = input.asOf.getTime() - input.lastDecidedAt.getTime();
  return elapsed > REVIEW_INTERVAL_DAYS * MS_PER_DAY ? "stale" : null;
}

/** Decided before this instant (strictly) means stale as of `asOf`: the SQL form of reviewDueReason's window. */
export function reviewOverdueBefore(asOf: Date): Date {
  return shiftDays(asOf, -REVIEW_INTERVAL_DAYS);
}

/** Due when there is no decided review in the last 90 days (90 days ago exactly is not due) or a trigger is pending. */
export function isReviewDue(input: ReviewDueInput): boolean {
  return reviewDueReason(input) !== null;
}

/**
 * The last moment the current review still counts: lastDecidedAt + 90 days. At that instant the
 * service is not yet due (see reviewDueReason). "now" when there has never been a decided review.
 */
export function nextReviewDue(lastDecidedAt: Date | null): Date | "now" {
  if (lastDecidedAt === null) return "now";
  return shiftDays(lastDecidedAt, REVIEW_INTERVAL_DAYS);
}
