import { describe, expect, it } from "vitest";
import { defaultTierTargets, parseTierTargets, targetLevelForTier, type TierTargets } from "./targets";
import type { Level, Tier } from "./types";

describe("targetLevelForTier", () => {
  const custom: TierTargets = { 1: 4, 2: 4, 3: 2 };

  it.each<[string, Tier, TierTargets | undefined, Level]>([
    ["tier 1 must be Resilient by default", 1, undefined, 3],
    ["tier 2 must be Stable by default", 2, undefined, 2],
    ["tier 3 must be MVP by default", 3, undefined, 1],
    ["custom mapping, tier 1", 1, custom, 4],
    ["custom mapping, tier 2", 2, custom, 4],
    ["custom mapping, tier 3", 3, custom, 2],
  ])("%s", (_label, tier, mapping, expected) => {
    expect(targetLevelForTier(tier, mapping)).toBe(expected);
  });
});

describe("parseTierTargets", () => {
  it.each<[string, unknown]>([
    ["JSON-style string keys", { "1": 4, "2": 3, "3": 2 }],
    ["numeric keys", { 1: 1, 2: 1, 3: 1 }],
    ["the default mapping", defaultTierTargets],
  ])("accepts %s", (_label, input) => {
    const result = parseTierTargets(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      for (const tier of [1, 2, 3] as const) {
        expect(result.value[tier]).toBe((input as Record<string, unknown>)[String(tier)]);
      }
    }
  });

  it.each<[string, unknown, string]>([
    ["null", null, "object"],
    ["an array", [3, 2, 1], "object"],
    ["a string", "1:3,2:2,3:1", "object"],
    ["a missing tier", { 1: 3, 2: 2 }, "tier 3"],
    ["level 0", { 1: 0, 2: 2, 3: 1 }, "tier 1"],
    ["level 5", { 1: 3, 2: 5, 3: 1 }, "tier 2"],
    ["a fractional level", { 1: 3, 2: 2, 3: 1.5 }, "tier 3"],
    ["a level given as a string", { 1: "3", 2: 2, 3: 1 }, "tier 1"],
    ["an unknown tier", { 1: 3, 2: 2, 3: 1, 4: 1 }, "4"],
  ])("rejects %s", (_label, input, mentions) => {
    const result = parseTierTargets(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(mentions);
  });
});
