import { describe, expect, it } from "vitest";
import {
  defaultTokenExpiry,
  latestTokenExpiry,
  lastTokenDay,
  tokenExpiresAt,
  tokenRefusal,
  validateTokenExpiry,
} from "@/lib/domain/api-tokens";

describe("API token expiry", () => {
  it("defaults to 90 days and allows at most a year", () => {
    expect(defaultTokenExpiry("2026-12-01")).toBe("2027-03-01");
    expect(latestTokenExpiry("2026-12-01")).toBe("2027-12-01");
  });

  it.each([
    ["2026-12-02", true],
    ["2027-12-01", true],
    ["2027-12-02", false],
    ["2026-12-01", false],
    ["2026-11-30", false],
    ["2027-02-30", false],
    ["never", false],
  ])("expiring on %s is %s", (expiresOn, ok) => {
    expect(validateTokenExpiry(expiresOn, "2026-12-01").ok).toBe(ok);
  });

  it("works through the chosen day (UTC) and stops at the next midnight", () => {
    const at = tokenExpiresAt("2027-03-01");
    expect(at.toISOString()).toBe("2027-03-02T00:00:00.000Z");
    expect(lastTokenDay(at)).toBe("2027-03-01");
  });
});

describe("tokenRefusal", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const later = new Date("2027-01-01T00:00:00Z");
  it.each([
    ["READ", later, "GET", null],
    ["READ", later, "HEAD", null],
    ["READ", later, "POST", "READ_ONLY"],
    ["READ", later, "put", "READ_ONLY"],
    ["READ", later, "DELETE", "READ_ONLY"],
    ["WRITE", later, "PUT", null],
    ["WRITE", now, "GET", "EXPIRED"],
    ["READ", new Date("2026-12-01T11:59:59Z"), "POST", "EXPIRED"],
  ] as const)("%s token expiring %s, %s → %s", (scope, expiresAt, method, expected) => {
    expect(tokenRefusal({ scope, expiresAt }, method, now)).toBe(expected);
  });
});
