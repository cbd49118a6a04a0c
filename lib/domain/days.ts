// Calendar days ("YYYY-MM-DD") and whole-day arithmetic, always in UTC: a day boundary must not move with the
// server's time zone or DST. Waivers, quarters, the review cadence and the database's `date` columns all count
// days the same way through these helpers. Nothing here reads a clock: callers pass the instant.

export const MS_PER_DAY = 86_400_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of an instant; a `date` column read back as UTC midnight gives its own day. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** UTC midnight at the start of a calendar day, as a `date` column stores it. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** UTC day number for a strict YYYY-MM-DD string; null for malformed or impossible dates (2025-02-30). */
export function parseIsoDay(value: string): number | null {
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC silently rolls over (Feb 30 → Mar 2) and maps years 0-99 to 19xx; reject both.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

export function formatIsoDay(dayNumber: number): string {
  return isoDay(new Date(dayNumber * MS_PER_DAY));
}

/** `isoDate` shifted by `days` calendar days, or null if `isoDate` is not a valid date. */
export function addDays(isoDate: string, days: number): string | null {
  const day = parseIsoDay(isoDate);
  return day === null ? null : formatIsoDay(day + days);
}

/** Whole days from `from` to `to` (positive when `to` is later), or null if either is invalid. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseIsoDay(from);
  const b = parseIsoDay(to);
  return a === null || b === null ? null : b - a;
}

/** The instant exactly `days` × 24 h after `instant` (before it for negative `days`). */
export function shiftDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * MS_PER_DAY);
}

/** Whole 24-hour periods from `from` to `to`, rounded down: 23 h is 0 days, 25 h is 1. */
export function elapsedDays(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY);
}
