// Which maturity level a service must reach depends on how critical it is (its tier).
// The mapping is configurable per organisation, so it is validated here rather than trusted.

import { LEVELS, TIERS, type Level, type Tier } from "./types";

export type TierTargets = Readonly<Record<Tier, Level>>;

/** Tier 1 (most critical) must be Resilient, tier 2 Stable, tier 3 MVP. */
export const defaultTierTargets: TierTargets = { 1: 3, 2: 2, 3: 1 };

export function targetLevelForTier(tier: Tier, mapping: TierTargets = defaultTierTargets): Level {
  return mapping[tier];
}

export type ParseTierTargetsResult = { ok: true; value: TierTargets } | { ok: false; message: string };

function isLevel(value: unknown): value is Level {
  return typeof value === "number" && (LEVELS as readonly number[]).includes(value);
}

/**
 * Validates an untrusted mapping (e.g. parsed JSON settings, where keys are strings).
 * Every tier must be present: a missing tier silently falling back to a default would hide typos.
 */
export function parseTierTargets(input: unknown): ParseTierTargetsResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, message: "Tier targets must be an object mapping tiers 1-3 to levels 1-4" };
  }
  const record = input as Record<string, unknown>;
  const allowed = TIERS.map(String);
  const unknownKeys = Object.keys(record).filter((key) => !allowed.includes(key));
  if (unknownKeys.length > 0) {
    return { ok: false, message: `Unknown tier(s): ${unknownKeys.join(", ")}; tiers are 1, 2 and 3` };
  }
  const value: Partial<Record<Tier, Level>> = {};
  for (const tier of TIERS) {
    const level = record[String(tier)];
    if (level === undefined) {
      return { ok: false, message: `Missing target level for tier ${tier}` };
    }
    if (!isLevel(level)) {
      return { ok: false, message: `Target for tier ${tier} must be a level from 1 to 4, got ${JSON.stringify(level)}` };
    }
    value[tier] = level;
  }
  return { ok: true, value: value as TierTargets };
}
