// Waiver rules. Dates are calendar days ("YYYY-MM-DD") turned into UTC day numbers (see ./days), so the
// server's time zone (or DST) can never move an expiry by a day. The engine never reads a
// clock: callers pass `today`.

import { addDays, daysBetween, parseIsoDay } from "./days";

export const WAIVER_STATUSES = ["PENDING", "APPROVED", "REJECTED", "REVOKED"] as const;
export type WaiverStatus = (typeof WAIVER_STATUSES)[number];

export type WaiverInput = {
  itemKey: string;
  /** Last calendar day (inclusive) on which the waiver still counts. */
  expiresOn: string;
  status: WaiverStatus;
};

/** What a waiver says, the same in the live row and in a decided review's snapshot. */
export type WaiverTerms = WaiverInput & { reason: string; compensatingControl: string; riskOwner: string };

export const MAX_WAIVER_DAYS = 180;

/** An approved waiver that ends within this many days is "expiring soon" on the portfolio and the agenda. */
export const EXPIRING_WAIVER_DAYS = 30;

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
