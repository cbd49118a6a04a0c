import { describe, expect, it } from "vitest";
import { dayToDate, elapsedDays, isoDay, shiftDays } from "./days";

describe("day arithmetic", () => {
  it.each([
    ["2025-06-15T00:00:00.000Z", "2025-06-15"],
    ["2025-06-15T23:59:59.999Z", "2025-06-15"],
    ["2024-02-29T12:00:00.000Z", "2024-02-29"],
  ])("isoDay(%s) = %s", (instant, day) => {
    expect(isoDay(new Date(instant))).toBe(day);
    expect(isoDay(dayToDate(day))).toBe(day);
  });

  it.each([
    ["2025-03-30T01:30:00.000Z", 1, "2025-03-31T01:30:00.000Z"],
    ["2025-01-01T00:00:00.000Z", -90, "2024-10-03T00:00:00.000Z"],
    ["2025-01-01T00:00:00.000Z", 0, "2025-01-01T00:00:00.000Z"],
  ])("shiftDays(%s, %i) = %s", (from, days, to) => {
    expect(shiftDays(new Date(from), days).toISOString()).toBe(to);
  });

  it.each([
    ["2025-01-01T00:00:00.000Z", "2025-01-01T23:00:00.000Z", 0],
    ["2025-01-01T00:00:00.000Z", "2025-01-02T01:00:00.000Z", 1],
    ["2025-01-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z", 90],
    ["2025-01-02T00:00:00.000Z", "2025-01-01T00:00:00.000Z", -1],
  ])("elapsedDays(%s, %s) = %i", (from, to, days) => {
    expect(elapsedDays(new Date(from), new Date(to))).toBe(days);
  });
});
