// Waiver rules. Dates are calendar days ("YYYY-MM-DD") turned into UTC day numbers, so the
// server's time zone (or DST) can never move an expiry by a day. The engine never reads a
// clock: callers pass `today`.

export const WAIVER_STATUSES = ["PENDING", "APPROVED", "REJECTED", "REVOKED"] as const;
export type WaiverStatus = (typeof WAIVER_STATUSES)[number];

export type WaiverInput = {
  itemKey: string;
  /** Last calendar day (inclusive) on which the waiver still counts. */
  expiresOn: string;
  status: WaiverStatus;
};

export const MAX_WAIVER_DAYS = 180;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
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

type WaiverDates = Pick<WaiverInput, "status" | "expiresOn">;

/** Approved and not past its expiry; a waiver expiring today still counts today. Malformed dates fail closed. */
export function isWaiverActive(waiver: WaiverDates, today: string): boolean {
  if (waiver.status !== "APPROVED") return false;
  const left = daysBetween(today, waiver.expiresOn);
  return left !== null && left >= 0;
}

/** Approved but past its expiry: the case users need explained ("why did my waiver stop counting?"). */
export function isWaiverExpired(waiver: WaiverDates, today: string): boolean {
  if (waiver.status !== "APPROVED") return false;
  const left = daysBetween(today, waiver.expiresOn);
  return left !== null && left < 0;
}

export type ExpiryValidation = { ok: true } | { ok: false; message: string };

/** A new waiver must expire after today and at most MAX_WAIVER_DAYS days after today. */
export function validateWaiverExpiry(expiresOn: string, today: string): ExpiryValidation {
  return validateExpiryWithin(expiresOn, today, MAX_WAIVER_DAYS);
}

/** An expiry day after today and at most `maxDays` days after it (waivers, API tokens). */
export function validateExpiryWithin(expiresOn: string, today: string, maxDays: number): ExpiryValidation {
  if (parseIsoDay(today) === null) {
    return { ok: false, message: `Today's date "${today}" is not a valid YYYY-MM-DD date` };
  }
  const days = daysBetween(today, expiresOn);
  if (days === null) {
    return { ok: false, message: "Expiry date must be a valid date in YYYY-MM-DD format" };
  }
  if (days <= 0) {
    return { ok: false, message: "Expiry date must be after today" };
  }
  if (days > maxDays) {
    const latest = addDays(today, maxDays) ?? "";
    return {
      ok: false,
      message: `Expiry date must be at most ${maxDays} days after today (${latest} at the latest)`,
    };
  }
  return { ok: true };
}

export type ItemWaiverSummary = {
  /** Latest expiry among active waivers, null when none is active. */
  activeUntil: string | null;
  /** Latest expiry among approved-but-expired waivers, null when none. */
  expiredOn: string | null;
};

/** Per item key: what its waivers amount to on `today`. Items with only pending/rejected/revoked waivers are absent. */
export function summarizeWaivers(waivers: readonly WaiverInput[], today: string): Map<string, ItemWaiverSummary> {
  const byItem = new Map<string, ItemWaiverSummary>();
  for (const waiver of waivers) {
    const active = isWaiverActive(waiver, today);
    const expired = !active && isWaiverExpired(waiver, today);
    if (!active && !expired) continue;
    const current = byItem.get(waiver.itemKey) ?? { activeUntil: null, expiredOn: null };
    // Valid YYYY-MM-DD strings order lexically like dates, so max by string compare is safe here.
    if (active && (current.activeUntil === null || waiver.expiresOn > current.activeUntil)) {
      current.activeUntil = waiver.expiresOn;
    }
    if (expired && (current.expiredOn === null || waiver.expiresOn > current.expiredOn)) {
      current.expiredOn = waiver.expiresOn;
    }
    byItem.set(waiver.itemKey, current);
  }
  return byItem;
}
