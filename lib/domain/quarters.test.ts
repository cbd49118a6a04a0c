import { describe, expect, it } from "vitest";
import {
  addQuarters,
  compareQuarters,
  currentQuarter,
  formatQuarter,
  isReviewDue,
  lastQuarters,
  nextReviewDue,
  parseQuarter,
  quarterEnd,
  quarterEndDay,
  quarterLastDay,
  quarterOf,
  quarterStart,
  quarterStartDay,
  reviewDueReason,
  type QuarterParts,
  type ReviewDueReason,
} from "./quarters";
import { MS_PER_DAY } from "./days";

const DAY = MS_PER_DAY;
const utc = (iso: string) => new Date(iso);

describe("parseQuarter", () => {
  it.each<[string, QuarterParts | null]>([
    ["2026-Q4", { year: 2026, q: 4 }],
    ["2026-Q1", { year: 2026, q: 1 }],
    ["0999-Q2", { year: 999, q: 2 }],
    ["2026-Q0", null],
    ["2026-Q5", null],
    ["2026-q4", null],
    ["26-Q4", null],
    [" 2026-Q4", null],
    ["2026-Q4\n", null],
    ["2026Q4", null],
    ["2026-Q12", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(parseQuarter(input)).toEqual(expected);
  });
});

describe("formatQuarter", () => {
  it("pads the year to four digits and round-trips", () => {
    expect(formatQuarter({ year: 2026, q: 4 })).toBe("2026-Q4");
    expect(formatQuarter({ year: 999, q: 1 })).toBe("0999-Q1");
    expect(parseQuarter(formatQuarter({ year: 2031, q: 3 }))).toEqual({ year: 2031, q: 3 });
  });

  it.each<[string, QuarterParts]>([
    ["a five-digit year", { year: 10000, q: 1 }],
    ["a negative year", { year: -1, q: 1 }],
    ["a fractional year", { year: 2026.5, q: 1 }],
    ["quarter 5", { year: 2026, q: 5 as QuarterParts["q"] }],
  ])("rejects %s", (_label, parts) => {
    expect(() => formatQuarter(parts)).toThrow(RangeError);
  });
});

describe("quarterOf", () => {
  it.each<[string, Date | string, string]>([
    ["last millisecond of Q1", utc("2026-03-31T23:59:59.999Z"), "2026-Q1"],
    ["first instant of Q2", utc("2026-04-01T00:00:00.000Z"), "2026-Q2"],
    ["an offset time that is still March in UTC", utc("2026-04-01T01:00:00+02:00"), "2026-Q1"],
    ["New Year's Eve (day string)", "2025-12-31", "2025-Q4"],
    ["New Year's Day (day string)", "2026-01-01", "2026-Q1"],
    ["a leap day", "2024-02-29", "2024-Q1"],
    ["mid Q3", "2026-07-15", "2026-Q3"],
    ["first day of Q4", "2026-10-01", "2026-Q4"],
  ])("%s", (_label, input, expected) => {
    expect(quarterOf(input)).toBe(expected);
  });

  it.each<[string, Date | string]>([
    ["Feb 29 in a non-leap year", "2025-02-29"],
    ["month 13", "2026-13-01"],
    ["a non-padded day", "2026-1-1"],
    ["a timestamp string", "2026-01-01T00:00:00Z"],
    ["an invalid Date", new Date(Number.NaN)],
  ])("rejects %s", (_label, input) => {
    expect(() => quarterOf(input)).toThrow(RangeError);
  });

  it("currentQuarter is the quarter of `now`", () => {
    expect(currentQuarter(utc("2026-11-05T08:00:00Z"))).toBe("2026-Q4");
  });
});

describe("quarter boundaries", () => {
  it.each<[string, string, string, string, number]>([
    ["2026-Q1", "2026-01-01", "2026-04-01", "2026-03-31", 90],
    ["2026-Q2", "2026-04-01", "2026-07-01", "2026-06-30", 91],
    ["2026-Q3", "2026-07-01", "2026-10-01", "2026-09-30", 92],
    ["2026-Q4", "2026-10-01", "2027-01-01", "2026-12-31", 92],
    ["2024-Q1", "2024-01-01", "2024-04-01", "2024-03-31", 91], // leap year: Feb has 29 days
  ])("%s starts %s, ends (exclusive) %s, last day %s, %i days", (q, start, end, last, days) => {
    expect(quarterStartDay(q)).toBe(start);
    expect(quarterEndDay(q)).toBe(end);
    expect(quarterLastDay(q)).toBe(last);
    expect(quarterStart(q).toISOString()).toBe(`${start}T00:00:00.000Z`);
    expect(quarterEnd(q).toISOString()).toBe(`${end}T00:00:00.000Z`);
    expect((quarterEnd(q).getTime() - quarterStart(q).getTime()) / DAY).toBe(days);
  });

  it("the end of a quarter is the start of the next", () => {
    expect(quarterEnd("2026-Q4").getTime()).toBe(quarterStart(addQuarters("2026-Q4", 1)).getTime());
  });

  it("keeps years below 100 instead of mapping them to 19xx", () => {
    expect(quarterStartDay("0050-Q2")).toBe("0050-04-01");
  });

  it("throws on a malformed quarter", () => {
    expect(() => quarterStart("2026-Q5")).toThrow(RangeError);
    expect(() => quarterEndDay("Q4-2026")).toThrow(RangeError);
  });
});

describe("addQuarters", () => {
  it.each<[string, number, string]>([
    ["2026-Q4", 1, "2027-Q1"],
    ["2026-Q1", -1, "2025-Q4"],
    ["2026-Q2", 0, "2026-Q2"],
    ["2026-Q3", -7, "2024-Q4"],
    ["2026-Q1", 8, "2028-Q1"],
    ["2026-Q1", -4, "2025-Q1"],
    ["2026-Q4", -4, "2025-Q4"],
    ["2026-Q2", -10, "2023-Q4"],
  ])("%s %+i → %s", (q, n, expected) => {
    expect(addQuarters(q, n)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ["before year 0", "0000-Q1", -1],
    ["past year 9999", "9999-Q4", 1],
    ["a fractional offset", "2026-Q1", 0.5],
    ["a malformed quarter", "2026-Q9", 1],
  ])("throws for %s", (_label, q, n) => {
    expect(() => addQuarters(q, n)).toThrow(RangeError);
  });
});

describe("lastQuarters", () => {
  it.each<[string, number, string[]]>([
    ["2026-Q2", 4, ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]],
    ["2026-Q1", 2, ["2025-Q4", "2026-Q1"]],
    ["2026-Q3", 1, ["2026-Q3"]],
    ["2026-Q3", 0, []],
    ["2026-Q3", -2, []],
  ])("%s, n=%i", (q, n, expected) => {
    expect(lastQuarters(q, n)).toEqual(expected);
  });

  it("validates the quarter even when n is 0", () => {
    expect(() => lastQuarters("nope", 0)).toThrow(RangeError);
  });
});

describe("compareQuarters", () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ["2026-Q1", "2026-Q2", -1],
    ["2026-Q4", "2027-Q1", -1],
    ["2027-Q1", "2026-Q4", 1],
    ["2026-Q3", "2026-Q3", 0],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareQuarters(a, b))).toBe(sign);
  });

  it("sorts chronologically", () => {
    expect(["2027-Q1", "2025-Q4", "2026-Q2", "2026-Q1"].sort(compareQuarters)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2027-Q1"]);
  });
});

describe("review cadence", () => {
  const asOf = utc("2026-06-30T12:00:00Z");
  const ago = (ms: number) => new Date(asOf.getTime() - ms);

  it.each<[string, Date | null, boolean, ReviewDueReason | null]>([
    ["never reviewed", null, false, "never-reviewed"],
    ["never reviewed, trigger pending", null, true, "trigger"],
    ["fresh review but a trigger is pending", ago(DAY), true, "trigger"],
    ["decided at this very instant", asOf, false, null],
    ["decided 89 days ago", ago(89 * DAY), false, null],
    ["decided exactly 90 days ago: boundary, still covered", ago(90 * DAY), false, null],
    ["decided 90 days and 1 ms ago", ago(90 * DAY + 1), false, "stale"],
    ["decided 91 days ago", ago(91 * DAY), false, "stale"],
    ["decided in the future (clock skew)", ago(-DAY), false, null],
  ])("%s", (_label, lastDecidedAt, pendingTrigger, reason) => {
    const input = { lastDecidedAt, pendingTrigger, asOf };
    expect(reviewDueReason(input)).toBe(reason);
    expect(isReviewDue(input)).toBe(reason !== null);
  });

  it("counts the leap day: 2023-12-02 → 2024-03-01 is exactly 90 days", () => {
    const lastDecidedAt = utc("2023-12-02T00:00:00Z");
    expect(isReviewDue({ lastDecidedAt, pendingTrigger: false, asOf: utc("2024-03-01T00:00:00Z") })).toBe(false);
    expect(isReviewDue({ lastDecidedAt, pendingTrigger: false, asOf: utc("2024-03-02T00:00:00Z") })).toBe(true);
  });

  it.each<[string, string]>([
    ["2026-01-01T00:00:00Z", "2026-04-01T00:00:00.000Z"],
    ["2024-01-01T00:00:00Z", "2024-03-31T00:00:00.000Z"], // leap year
    ["2025-11-15T09:30:00Z", "2026-02-13T09:30:00.000Z"], // crosses the year
  ])("nextReviewDue(%s) = %s", (decided, due) => {
    const result = nextReviewDue(utc(decided));
    expect(result instanceof Date ? result.toISOString() : result).toBe(due);
  });

  it("nextReviewDue is 'now' without a decided review", () => {
    expect(nextReviewDue(null)).toBe("now");
  });

  it("agrees with isReviewDue: not due at the due instant, due one millisecond later", () => {
    const lastDecidedAt = utc("2026-02-10T15:00:00Z");
    const due = nextReviewDue(lastDecidedAt);
    if (due === "now") throw new Error("expected a date");
    expect(isReviewDue({ lastDecidedAt, pendingTrigger: false, asOf: due })).toBe(false);
    expect(isReviewDue({ lastDecidedAt, pendingTrigger: false, asOf: new Date(due.getTime() + 1) })).toBe(true);
  });
});
