import { describe, expect, it } from "vitest";
import { evaluationHeadline } from "./headline";
import type { AnswerMap } from "./maturity";
import { answers, item, ladder, reviewInput, waiver, type Code } from "./test-helpers";
import type { Tier } from "./types";
import { evaluateReview, type TargetStanding } from "./verdict";
import type { WaiverInput } from "./waivers";

type Case = {
  name: string;
  tier: Tier;
  codes: [Code, Code, Code, Code];
  blockers?: string[];
  waivers?: WaiverInput[];
  carried?: string[];
  standing: TargetStanding;
  verdict: string;
  standingSentence: string;
  waiting?: string;
};

function evaluate(c: Case) {
  const items = ladder().map((i) => ({ ...i, isBlocker: c.blockers?.includes(i.key) ?? false }));
  const [l1, l2, l3, l4] = c.codes;
  const given = answers({ l1, l2, l3, l4 });
  const withCarried: AnswerMap = Object.fromEntries(
    Object.entries(given).flatMap(([key, value]) =>
      value ? [[key, { ...value, awaitsConfirmation: c.carried?.includes(key) ?? false }]] : [],
    ),
  );
  return evaluateReview(reviewInput({ items, tier: c.tier, answers: withCarried, waivers: c.waivers ?? [] }));
}

// Default targets: tier 1 → L3, tier 2 → L2, tier 3 → L1.
const CASES: Case[] = [
  {
    name: "meets the target",
    tier: 2,
    codes: ["M", "M", "N", "N"],
    standing: "MEETS",
    verdict: "Go: L2 Stable meets the target L2",
    standingSentence: "Meets the target L2 for tier 2, without waivers.",
  },
  {
    name: "above the target",
    tier: 3,
    codes: ["M", "M", "N", "N"],
    standing: "MEETS",
    verdict: "Go: L2 Stable meets the target L1",
    standingSentence: "Above the target L1 for tier 3, without waivers.",
  },
  {
    name: "below the target",
    tier: 1,
    codes: ["M", "N", "M", "M"],
    standing: "BELOW",
    verdict: "No-go: L1 MVP is below the target L3",
    standingSentence: "Below the target L3 for tier 1 (L1 MVP).",
  },
  {
    name: "only thanks to waivers",
    tier: 1,
    codes: ["M", "N", "M", "N"],
    waivers: [waiver("l2")],
    standing: "NEEDS_WAIVERS",
    verdict: "Conditional go: target L3 reached only thanks to waivers",
    standingSentence: "Reaches the target L3 only thanks to waivers (L1 MVP without them).",
  },
  {
    name: "only thanks to partials",
    tier: 1,
    codes: ["M", "M", "P", "N"],
    standing: "NEEDS_PARTIALS",
    verdict: "Conditional go: target L3 accepted only with partial answers",
    standingSentence: "Below the target L3 as answered (L2 Stable); the target is accepted only with partial answers.",
  },
  {
    name: "partials and waivers together",
    tier: 1,
    codes: ["M", "N", "P", "N"],
    waivers: [waiver("l2")],
    standing: "NEEDS_PARTIALS",
    verdict: "Conditional go: target L3 accepted only with partial answers",
    standingSentence: "Below the target L3 as answered (L2 Stable); the target is accepted only with partial answers.",
  },
  {
    name: "an unmet blocker although the level meets the target",
    tier: 3,
    codes: ["M", "M", "M", "N"],
    blockers: ["l4"],
    standing: "MEETS",
    verdict: "No-go: 1 blocker not met; L3 Resilient meets the target L1",
    standingSentence: "Above the target L1 for tier 3, without waivers.",
  },
  {
    name: "blockers unmet and below the target",
    tier: 1,
    codes: ["M", "P", "N", "M"],
    blockers: ["l2", "l3"],
    standing: "BELOW",
    verdict: "No-go: 2 blockers not met; L1 MVP is below the target L3",
    standingSentence: "Below the target L3 for tier 1 (L1 MVP).",
  },
  {
    name: "a blocker met only by a waiver",
    tier: 3,
    codes: ["M", "M", "M", "N"],
    blockers: ["l4"],
    waivers: [waiver("l4")],
    standing: "MEETS",
    verdict: "Conditional go: L4 Optimized meets the target L1; 1 blocker met only by a waiver",
    standingSentence: "Above the target L1 for tier 3, without waivers.",
  },
  {
    name: "carried answers waiting for confirmation",
    tier: 2,
    codes: ["M", "M", "M", "N"],
    carried: ["l2", "l3"],
    standing: "BELOW",
    verdict: "No-go: L1 MVP is below the target L2",
    standingSentence: "Below the target L2 for tier 2 (L1 MVP).",
    waiting: "2 carried answers wait for confirmation and count as unanswered until then.",
  },
  {
    name: "one carried answer waiting",
    tier: 3,
    codes: ["M", "M", "N", "N"],
    carried: ["l2"],
    standing: "MEETS",
    verdict: "Go: L1 MVP meets the target L1",
    standingSentence: "Meets the target L1 for tier 3, without waivers.",
    waiting: "1 carried answer waits for confirmation and counts as unanswered until then.",
  },
];

describe("evaluationHeadline", () => {
  it.each(CASES)("$name", (c) => {
    const evaluation = evaluate(c);
    expect(evaluation.standing).toBe(c.standing);
    const headline = evaluationHeadline(evaluation);
    expect(headline.verdict).toBe(c.verdict);
    expect(headline.standing).toBe(c.standingSentence);
    expect(headline.level).toMatch(new RegExp(`^L${evaluation.level} `));
    expect(headline.waiting).toBe(c.waiting ?? null);
  });

  it("the verdict headline and the standing sentence never disagree about reaching the target", () => {
    for (const c of CASES) {
      const headline = evaluationHeadline(evaluate(c));
      const saysBelow = /below the target/i.test(headline.standing);
      const verdictSaysReached = /reached|meets the target/.test(headline.verdict);
      expect(saysBelow && verdictSaysReached, c.name).toBe(false);
    }
  });

  it("names the level without waivers from the same evaluation the card shows", () => {
    const items = [...ladder(), item("x", { level: 1 })];
    const evaluation = evaluateReview(
      reviewInput({ items, tier: 2, answers: answers({ l1: "M", l2: "M", x: "N" }), waivers: [waiver("x")] }),
    );
    expect([evaluation.level, evaluation.levelWithoutWaivers]).toEqual([2, 0]);
    expect(evaluationHeadline(evaluation).standing).toBe("Reaches the target L2 only thanks to waivers (L0 Not ready without them).");
  });
});
