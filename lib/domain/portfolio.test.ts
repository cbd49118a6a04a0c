import { describe, expect, it } from "vitest";
import { atOrAboveTarget, largestRemainderPercents, levelDistribution, verdictShares } from "./portfolio";
import type { AchievedLevel, Level, Verdict } from "./types";

/** Sum of one-decimal percentages, compared in tenths so float addition cannot blur it. */
const sumTenths = (values: readonly number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) * 10);

describe("levelDistribution", () => {
  it("has every level even for no rows", () => {
    expect(levelDistribution([])).toEqual({ 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 });
  });

  it("counts services per level", () => {
    const levels: AchievedLevel[] = [0, 2, 2, 4, 2, 1];
    expect(levelDistribution(levels.map((level) => ({ level })))).toEqual({ 0: 1, 1: 1, 2: 3, 3: 0, 4: 1 });
  });

  it("rejects an impossible level", () => {
    expect(() => levelDistribution([{ level: 7 as AchievedLevel }])).toThrow(RangeError);
  });
});

describe("largestRemainderPercents", () => {
  it.each<[string, number[], number[]]>([
    ["thirds", [1, 1, 1], [33.4, 33.3, 33.3]],
    ["two thirds", [2, 1], [66.7, 33.3]],
    ["sevenths", [1, 1, 1, 1, 1, 1, 1], [14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2]],
    ["exact halves stay exact", [5, 5, 0], [50, 50, 0]],
    ["a single bucket", [0, 9, 0], [0, 100, 0]],
    ["the largest remainder wins, not the first", [1, 5, 1], [14.3, 71.4, 14.3]],
    ["a tiny share", [1, 999], [0.1, 99.9]],
    ["below one tenth", [1, 1999], [0.1, 99.9]],
  ])("%s", (_label, counts, expected) => {
    const percents = largestRemainderPercents(counts);
    expect(percents).toEqual(expected);
    expect(sumTenths(percents)).toBe(1000);
  });

  it("sums to exactly 100 for many awkward totals", () => {
    for (let total = 1; total <= 60; total += 1) {
      const rest = total - Math.floor(total / 3) - Math.floor(total / 7);
      const counts = [Math.floor(total / 3), Math.floor(total / 7), rest % 5, rest - (rest % 5)];
      expect(sumTenths(largestRemainderPercents(counts))).toBe(1000);
    }
  });

  it("is all zeros when there is nothing to split", () => {
    expect(largestRemainderPercents([0, 0, 0])).toEqual([0, 0, 0]);
    expect(largestRemainderPercents([])).toEqual([]);
  });

  it("supports whole percentages", () => {
    expect(largestRemainderPercents([1, 1, 1], 0)).toEqual([34, 33, 33]);
  });

  it("rejects negative or fractional counts", () => {
    expect(() => largestRemainderPercents([1, -1])).toThrow(RangeError);
    expect(() => largestRemainderPercents([1.5])).toThrow(RangeError);
  });
});

describe("verdictShares", () => {
  const rows = (verdicts: (Verdict | null)[]) => verdicts.map((verdict) => ({ verdict }));

  it("keeps all four keys in a fixed order for no rows", () => {
    expect(verdictShares([])).toEqual({
      total: 0,
      shares: [
        { verdict: "GO", count: 0, percent: 0 },
        { verdict: "CONDITIONAL_GO", count: 0, percent: 0 },
        { verdict: "NO_GO", count: 0, percent: 0 },
        { verdict: "NONE", count: 0, percent: 0 },
      ],
    });
  });

  it("counts services without a decided review as NONE and keeps them in the denominator", () => {
    const result = verdictShares(rows(["GO", "GO", "NO_GO", null]));
    expect(result.total).toBe(4);
    expect(result.shares.map((s) => [s.verdict, s.count, s.percent])).toEqual([
      ["GO", 2, 50],
      ["CONDITIONAL_GO", 0, 0],
      ["NO_GO", 1, 25],
      ["NONE", 1, 25],
    ]);
  });

  it("rounds to one decimal and sums to 100", () => {
    const result = verdictShares(rows(["GO", "CONDITIONAL_GO", "NO_GO"]));
    expect(result.shares.map((s) => s.percent)).toEqual([33.4, 33.3, 33.3, 0]);
    expect(sumTenths(result.shares.map((s) => s.percent))).toBe(1000);
  });

  it("rejects an unknown verdict", () => {
    expect(() => verdictShares([{ verdict: "MAYBE" as Verdict }])).toThrow(RangeError);
  });
});

describe("atOrAboveTarget", () => {
  it.each<[string, [AchievedLevel, Level][], { count: number; total: number; share: number }]>([
    ["no rows", [], { count: 0, total: 0, share: 0 }],
    ["exactly at target counts", [[3, 3]], { count: 1, total: 1, share: 1 }],
    ["above target counts", [[4, 2]], { count: 1, total: 1, share: 1 }],
    ["below target does not", [[0, 1]], { count: 0, total: 1, share: 0 }],
    [
      "a mix",
      [
        [2, 3],
        [3, 3],
        [1, 1],
        [0, 2],
      ],
      { count: 2, total: 4, share: 0.5 },
    ],
  ])("%s", (_label, pairs, expected) => {
    expect(atOrAboveTarget(pairs.map(([level, target]) => ({ level, target })))).toEqual(expected);
  });
});
