// Small aggregates for the leadership page. Rows are whatever the page already loaded (one per
// service); these helpers only count, so the page and its tests agree on the arithmetic.

import { VERDICTS, type AchievedLevel, type Level, type Verdict } from "./types";

export type LevelDistribution = Record<AchievedLevel, number>;

/** Services per achieved level; every level 0–4 is present so charts keep a stable axis. */
export function levelDistribution(rows: readonly { level: AchievedLevel }[]): LevelDistribution {
  const counts: LevelDistribution = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const row of rows) {
    if (!(row.level in counts)) throw new RangeError(`Not a maturity level: ${String(row.level)}`);
    counts[row.level] += 1;
  }
  return counts;
}

/**
 * Percentages with `decimals` decimals that add up to exactly 100 (largest remainder method):
 * every share is rounded down, then the units still missing go to the largest remainders, ties
 * to the earlier entry. Integer arithmetic on scaled counts avoids float drift in the remainders.
 * All zeros when the total is 0 — there is nothing to split.
 */
export function largestRemainderPercents(counts: readonly number[], decimals = 1): number[] {
  if (counts.some((count) => !Number.isInteger(count) || count < 0)) {
    throw new RangeError("Counts must be non-negative integers");
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const scale = 10 ** decimals;
  const units = 100 * scale;
  const floors = counts.map((count) => Math.floor((count * units) / total));
  const remainders = counts.map((count) => (count * units) % total);
  let missing = units - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = counts.map((_, index) => index).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (const index of byRemainder) {
    // `missing` = sum(remainders) / total, and each remainder is < total, so there are always at
    // least `missing` entries with a remainder: exact shares are never rounded up.
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors.map((value) => value / scale);
}

/** A verdict or "NONE" for services without a decided review. */
export type VerdictKey = Verdict | "NONE";
export const VERDICT_KEYS: readonly VerdictKey[] = [...VERDICTS, "NONE"];

export type VerdictShare = { verdict: VerdictKey; count: number; percent: number };
export type VerdictShares = { total: number; shares: VerdictShare[] };

/**
 * Count and percentage (one decimal, summing to 100) per verdict, in the order GO,
 * CONDITIONAL_GO, NO_GO, NONE. Services without a decided review stay in the denominator as
 * "NONE": leadership should see the unreviewed part of the portfolio, not a flattering 100 % GO.
 */
export function verdictShares(rows: readonly { verdict: Verdict | null }[]): VerdictShares {
  const counts = new Map<VerdictKey, number>(VERDICT_KEYS.map((key) => [key, 0]));
  for (const row of rows) {
    const key: VerdictKey = row.verdict ?? "NONE";
    const current = counts.get(key);
    if (current === undefined) throw new RangeError(`Not a verdict: ${String(row.verdict)}`);
    counts.set(key, current + 1);
  }
  const ordered = VERDICT_KEYS.map((key) => counts.get(key) ?? 0);
  const percents = largestRemainderPercents(ordered, 1);
  return {
    total: rows.length,
    shares: VERDICT_KEYS.map((verdict, index) => ({
      verdict,
      count: ordered[index] ?? 0,
      percent: percents[index] ?? 0,
    })),
  };
}

/** `share` is a fraction 0–1 (0 when there are no rows), like OutcomeCounts.score. */
export type TargetAttainment = { count: number; total: number; share: number };

export function atOrAboveTarget(rows: readonly { level: AchievedLevel; target: Level }[]): TargetAttainment {
  const count = rows.filter((row) => row.level >= row.target).length;
  return { count, total: rows.length, share: rows.length === 0 ? 0 : count / rows.length };
}
