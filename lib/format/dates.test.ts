import { describe, expect, it } from "vitest";
import { formatAge, formatDate, formatDateTime, formatMonth, formatRelativeDay, formatTime } from "./dates";

describe("date formats", () => {
  it.each([
    ["2025-06-15", "15 Jun 2025"],
    ["2025-01-01", "1 Jan 2025"],
    ["2025-06-15T23:59:59.000Z", "15 Jun 2025"],
    [new Date("2024-02-29T00:00:00Z"), "29 Feb 2024"],
    [Date.UTC(2026, 11, 31), "31 Dec 2026"],
  ])("formatDate(%s) = %s", (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it("writes moments with a 24-hour UTC time", () => {
    expect(formatDateTime("2025-06-15T14:30:00.000Z")).toBe("15 Jun 2025, 14:30 UTC");
    expect(formatDateTime(new Date("2025-06-15T00:05:00.000Z"))).toBe("15 Jun 2025, 00:05 UTC");
    expect(formatDateTime("2025-12-31T23:59:00.000Z")).toBe("31 Dec 2025, 23:59 UTC");
  });

  it("reads a calendar day as that day whatever the server's time zone", () => {
    expect(formatDate("2025-03-30")).toBe("30 Mar 2025");
    expect(formatDateTime("2025-03-30")).toBe("30 Mar 2025, 00:00 UTC");
  });

  it("writes months for chart axes", () => {
    expect(formatMonth(Date.UTC(2025, 5, 1))).toBe("Jun 2025");
  });

  it("writes the time of day alone, and days relative to now for lists grouped by day", () => {
    const now = "2026-12-01T08:00:00.000Z";
    expect(formatTime("2026-12-01T14:30:00.000Z")).toBe("14:30 UTC");
    expect(formatRelativeDay("2026-12-01T00:00:00.000Z", now)).toBe("Today");
    expect(formatRelativeDay("2026-11-30T23:59:00.000Z", now)).toBe("Yesterday");
    expect(formatRelativeDay("2026-11-24T12:00:00.000Z", now)).toBe("Tuesday, 24 Nov 2026");
  });
});

describe("formatAge", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it.each([
    ["2026-12-01T12:00:30Z", "just now"],
    ["2026-12-01T11:59:30Z", "just now"],
    ["2026-12-01T11:48:00Z", "12 min ago"],
    ["2026-12-01T10:00:00Z", "2 h ago"],
    ["2026-11-29T13:00:00Z", "47 h ago"],
    ["2026-11-28T12:00:00Z", "3 days ago"],
  ])("%s → %s", (value, expected) => expect(formatAge(value, now)).toBe(expected));
});
