import { describe, expect, it } from "vitest";
import { TODAY, TOMORROW, YESTERDAY, waiver } from "./test-helpers";
import { addDays, daysBetween, parseIsoDay } from "./days";
import { MAX_WAIVER_DAYS, isWaiverActive, summarizeWaivers, validateWaiverExpiry, type WaiverStatus } from "./waivers";

describe("isWaiverActive", () => {
  it.each<[string, WaiverStatus, string, string, boolean]>([
    ["approved, expires today", "APPROVED", TODAY, TODAY, true],
    ["approved, expired yesterday", "APPROVED", YESTERDAY, TODAY, false],
    ["approved, expires tomorrow", "APPROVED", TOMORROW, TODAY, true],
    ["pending, expires tomorrow", "PENDING", TOMORROW, TODAY, false],
    ["rejected, expires tomorrow", "REJECTED", TOMORROW, TODAY, false],
    ["revoked, expires tomorrow", "REVOKED", TOMORROW, TODAY, false],
    ["approved, across a year boundary", "APPROVED", "2025-01-01", "2024-12-31", true],
    ["approved, leap day still valid", "APPROVED", "2024-02-29", "2024-02-29", true],
    ["approved, malformed expiry fails closed", "APPROVED", "2025-6-20", TODAY, false],
    ["approved, impossible date fails closed", "APPROVED", "2025-02-30", "2025-02-01", false],
  ])("%s", (_label, status, expiresOn, today, expected) => {
    expect(isWaiverActive(waiver("x", expiresOn, status), today)).toBe(expected);
  });
});

describe("validateWaiverExpiry", () => {
  it("allows exactly 180 days", () => {
    expect(MAX_WAIVER_DAYS).toBe(180);
  });

  it.each<[string, string, string, boolean]>([
    ["today is not after today", TODAY, TODAY, false],
    ["yesterday is in the past", YESTERDAY, TODAY, false],
    ["tomorrow is fine", TOMORROW, TODAY, true],
    ["180 days ahead is the limit", "2025-12-12", TODAY, true],
    ["181 days ahead is too far", "2025-12-13", TODAY, false],
    ["180 days ahead through a leap February", "2024-06-29", "2024-01-01", true],
    ["181 days ahead through a leap February", "2024-06-30", "2024-01-01", false],
    ["impossible calendar date", "2025-09-31", TODAY, false],
    ["not ISO formatted", "15/07/2025", TODAY, false],
    ["invalid today", TOMORROW, "yesterday-ish", false],
  ])("%s", (_label, expiresOn, today, ok) => {
    const result = validateWaiverExpiry(expiresOn, today);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it("tells the user the latest allowed date when too far out", () => {
    const result = validateWaiverExpiry("2026-01-01", TODAY);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("2025-12-12") });
  });
});

describe("calendar-day arithmetic", () => {
  it.each<[string, string, number]>([
    ["2025-03-29", "2025-03-31", 2], // EU DST switch: must still be whole days
    ["2025-11-01", "2025-11-03", 2], // US DST switch
    ["2024-02-28", "2024-03-01", 2], // leap year
    ["2023-02-28", "2023-03-01", 1],
    [TODAY, YESTERDAY, -1],
  ])("daysBetween(%s, %s) = %i", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it.each(["2025-13-01", "2025-00-10", "0099-01-01", "20250615", ""])("rejects %j", (value) => {
    expect(parseIsoDay(value)).toBeNull();
  });
});

describe("summarizeWaivers", () => {
  it("keeps the latest active and latest expired expiry per item and skips undecided ones", () => {
    const summary = summarizeWaivers(
      [
        waiver("a", TOMORROW),
        waiver("a", "2025-07-01"),
        waiver("a", "2025-05-01"),
        waiver("b", YESTERDAY),
        waiver("b", "2025-06-01"),
        waiver("c", "2025-07-01", "PENDING"),
        waiver("d", "2025-07-01", "REVOKED"),
      ],
      TODAY,
    );
    expect(summary.get("a")).toEqual({ activeUntil: "2025-07-01", expiredOn: "2025-05-01" });
    expect(summary.get("b")).toEqual({ activeUntil: null, expiredOn: YESTERDAY });
    expect(summary.has("c")).toBe(false);
    expect(summary.has("d")).toBe(false);
  });
});
