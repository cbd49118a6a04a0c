import { addDays, dayToDate, isoDay, parseIsoDay } from "@/lib/domain/days";
import { validateExpiryWithin, type ExpiryValidation } from "@/lib/domain/waivers";

// What a personal API token may do and for how long. A READ token may only read; a WRITE token may also change
// whatever its owner may change. Every token expires: by default after 90 days, never later than a year.

export const API_TOKEN_SCOPES = ["READ", "WRITE"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

/** The expiry a new token is offered (YYYY-MM-DD), DEFAULT_TOKEN_DAYS after `today`. */
export function defaultTokenExpiry(today: string): string {
  return addDays(today, DEFAULT_TOKEN_DAYS) ?? today;
}

export function latestTokenExpiry(today: string): string {
  return addDays(today, MAX_TOKEN_DAYS) ?? today;
}

export function validateTokenExpiry(expiresOn: string, today: string): ExpiryValidation {
  return validateExpiryWithin(expiresOn, today, MAX_TOKEN_DAYS);
}

/** A token chosen to expire on a day still works all of that day (UTC) and stops at the next midnight. */
export function tokenExpiresAt(expiresOn: string): Date {
  if (parseIsoDay(expiresOn) === null) throw new Error(`Not a YYYY-MM-DD date: ${expiresOn}`);
  return dayToDate(addDays(expiresOn, 1) ?? expiresOn);
}

/** The last day (YYYY-MM-DD) on which a token expiring at `expiresAt` still works. */
export function lastTokenDay(expiresAt: Date): string {
  return isoDay(new Date(expiresAt.getTime() - 1));
}

/** Methods that change nothing; everything else needs a WRITE token. */
export function isReadMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}

export type TokenRefusal = "EXPIRED" | "READ_ONLY";

export function tokenRefusal(token: { scope: ApiTokenScope; expiresAt: Date }, method: string, now: Date): TokenRefusal | null {
  if (token.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (token.scope === "READ" && !isReadMethod(method.toUpperCase())) return "READ_ONLY";
  return null;
}
