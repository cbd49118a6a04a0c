// How every page, report and export writes a date: "15 Jun 2025" for days and "15 Jun 2025, 14:30 UTC" for
// moments, always in UTC so every reader (and the audit trail) agrees on the day. Machine formats (CSV cells,
// file names, API fields) keep ISO 8601 instead.

const LOCALE = "en-GB";

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar day ("2025-06-15"), an ISO timestamp, a Date or epoch milliseconds. */
export type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "15 Jun 2025": the UTC calendar day. A "YYYY-MM-DD" string is read as that day, never shifted. */
export function formatDate(value: DateInput): string {
  return dayFormat.format(toDate(value));
}

/** "15 Jun 2025, 14:30 UTC". */
export function formatDateTime(value: DateInput): string {
  return `${dateTimeFormat.format(toDate(value))} UTC`;
}

/** "Jun 2025", for chart axes. */
export function formatMonth(value: DateInput): string {
  return monthFormat.format(toDate(value));
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const weekdayFormat = new Intl.DateTimeFormat(LOCALE, {
  weekday: "long",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const MS_PER_DAY = 86_400_000;
const utcDayNumber = (value: DateInput) => Math.floor(toDate(value).getTime() / MS_PER_DAY);

/** "14:30 UTC": the time of day, for entries listed under their day. */
export function formatTime(value: DateInput): string {
  return `${timeFormat.format(toDate(value))} UTC`;
}

/** A day as a heading relative to `now`: "Today", "Yesterday", else "Tuesday, 24 Nov 2026" (UTC days). */
export function formatRelativeDay(value: DateInput, now: DateInput): string {
  const daysAgo = utcDayNumber(now) - utcDayNumber(value);
  if (daysAgo === 0) return "Today";
  if (daysAgo === 1) return "Yesterday";
  return weekdayFormat.format(toDate(value));
}

/** How long ago, roughly: "just now", "12 min ago", "2 h ago", "3 days ago" (a moment ahead of `now` is "just now"). */
export function formatAge(value: DateInput, now: DateInput): string {
  const minutes = Math.floor((toDate(now).getTime() - toDate(value).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
