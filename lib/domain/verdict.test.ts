import { describe, expect, it } from "vitest";
import type { TierTargets } from "./targets";
import { TODAY, YESTERDAY, answer, answers, item, ladder, reviewInput, waiver, type Code } from "./test-helpers";
import type { ChecklistItemDef, Tier, Verdict } from "./types";
import { computeVerdict, evaluateReview, isDecisionAllowed, targetStanding, type ReasonCode } from "./verdict";
import type { WaiverInput } from "./waivers";

type Scenario = {
  tier: Tier;
  /** Answers for l1..l4 of the one-item-per-level ladder. */
  codes: [Code, Code, Code, Code];
  blockers?: string[];
  waivers?: WaiverInput[];
  tierTargets?: TierTargets;
  extraItems?: ChecklistItemDef[];
  extraCodes?: Record<string, Code>;
};

function run(s: Scenario) {
  const items = [...ladder().map((i) => ({ ...i, isBlocker: s.blockers?.includes(i.key) ?? false })), ...(s.extraItems ?? [])];
  const [l1, l2, l3, l4] = s.codes;
  return evaluateReview(
    reviewInput({
      items,
      tier: s.tier,
      answers: answers({ l1, l2, l3, l4, ...s.extraCodes }),
      waivers: s.waivers ?? [],
      tierTargets: s.tierTargets,
    }),
  );
}

describe("verdict paths", () => {
  // Default targets: tier 1 → L3, tier 2 → L2, tier 3 → L1.
  it.each<[string, Scenario, Verdict, ReasonCode[]]>([
    ["tier 3 at L1 is a go", { tier: 3, codes: ["M", "-", "-", "-"] }, "GO", ["MEETS_TARGET"]],
    ["tier 2 exactly at L2 is a go", { tier: 2, codes: ["M", "M", "N", "N"] }, "GO", ["MEETS_TARGET"]],
    ["tier 1 at L3 is a go", { tier: 1, codes: ["M", "M", "M", "N"] }, "GO", ["MEETS_TARGET"]],
    ["tier 1 at L2 is below target", { tier: 1, codes: ["M", "M", "N", "M"] }, "NO_GO", ["BELOW_TARGET"]],
    ["L0 is below any target", { tier: 3, codes: ["-", "-", "-", "-"] }, "NO_GO", ["BELOW_TARGET"]],
    [
      "unmet blocker above the target",
      { tier: 3, codes: ["M", "M", "M", "N"], blockers: ["l4"] },
      "NO_GO",
      ["BLOCKER_UNMET", "MEETS_TARGET"],
    ],
    ["unanswered blocker", { tier: 3, codes: ["M", "M", "M", "-"], blockers: ["l4"] }, "NO_GO", ["BLOCKER_UNMET", "MEETS_TARGET"]],
    [
      "blocker N/A without reason",
      { tier: 3, codes: ["M", "M", "M", "NA!"], blockers: ["l4"] },
      "NO_GO",
      ["BLOCKER_UNMET", "MEETS_TARGET"],
    ],
    ["blocker N/A with reason", { tier: 3, codes: ["M", "M", "M", "NA"], blockers: ["l4"] }, "GO", ["MEETS_TARGET"]],
    [
      "partial blocker is never accepted",
      { tier: 1, codes: ["M", "M", "P", "M"], blockers: ["l3"] },
      "NO_GO",
      ["BLOCKER_UNMET", "BELOW_TARGET"],
    ],
    ["partials alone reach the target", { tier: 1, codes: ["M", "P", "M", "M"] }, "CONDITIONAL_GO", ["TARGET_NEEDS_PARTIALS"]],
    ["partials plus a real gap", { tier: 1, codes: ["M", "P", "N", "M"] }, "NO_GO", ["BELOW_TARGET"]],
    ["partial above the target does not matter", { tier: 2, codes: ["M", "M", "P", "N"] }, "GO", ["MEETS_TARGET"]],
    [
      "waiver needed for the target",
      { tier: 1, codes: ["M", "N", "M", "M"], waivers: [waiver("l2")] },
      "CONDITIONAL_GO",
      ["TARGET_NEEDS_WAIVERS", "MEETS_TARGET"],
    ],
    [
      "waiver expiring today still counts",
      { tier: 1, codes: ["M", "N", "M", "M"], waivers: [waiver("l2", TODAY)] },
      "CONDITIONAL_GO",
      ["TARGET_NEEDS_WAIVERS", "MEETS_TARGET"],
    ],
    [
      "waiver expired yesterday",
      { tier: 1, codes: ["M", "N", "M", "M"], waivers: [waiver("l2", YESTERDAY)] },
      "NO_GO",
      ["BELOW_TARGET", "WAIVER_EXPIRED"],
    ],
    [
      "pending waiver does not count",
      { tier: 1, codes: ["M", "N", "M", "M"], waivers: [waiver("l2", undefined, "PENDING")] },
      "NO_GO",
      ["BELOW_TARGET"],
    ],
    [
      "rejected waiver does not count",
      { tier: 1, codes: ["M", "N", "M", "M"], waivers: [waiver("l2", undefined, "REJECTED")] },
      "NO_GO",
      ["BELOW_TARGET"],
    ],
    ["waiver above the target is not needed", { tier: 3, codes: ["M", "M", "M", "N"], waivers: [waiver("l4")] }, "GO", ["MEETS_TARGET"]],
    [
      "blocker satisfied only by a waiver",
      { tier: 3, codes: ["M", "M", "M", "N"], blockers: ["l4"], waivers: [waiver("l4")] },
      "CONDITIONAL_GO",
      ["BLOCKER_WAIVED", "MEETS_TARGET"],
    ],
    [
      "waived blocker within the target",
      { tier: 1, codes: ["M", "N", "M", "M"], blockers: ["l2"], waivers: [waiver("l2")] },
      "CONDITIONAL_GO",
      ["BLOCKER_WAIVED", "TARGET_NEEDS_WAIVERS", "MEETS_TARGET"],
    ],
    [
      "waivers and partials together",
      { tier: 1, codes: ["M", "P", "N", "M"], waivers: [waiver("l3")] },
      "CONDITIONAL_GO",
      ["TARGET_NEEDS_WAIVERS", "TARGET_NEEDS_PARTIALS"],
    ],
    [
      "blocker whose waiver expired",
      { tier: 3, codes: ["M", "M", "M", "N"], blockers: ["l4"], waivers: [waiver("l4", YESTERDAY)] },
      "NO_GO",
      ["BLOCKER_UNMET", "MEETS_TARGET", "WAIVER_EXPIRED"],
    ],
    [
      "expired waiver on a met item is not reported",
      { tier: 1, codes: ["M", "M", "M", "M"], waivers: [waiver("l2", YESTERDAY)] },
      "GO",
      ["MEETS_TARGET"],
    ],
    [
      "custom targets can be stricter",
      { tier: 3, codes: ["M", "M", "M", "N"], tierTargets: { 1: 4, 2: 4, 3: 4 } },
      "NO_GO",
      ["BELOW_TARGET"],
    ],
    ["custom targets can be looser", { tier: 1, codes: ["M", "N", "N", "N"], tierTargets: { 1: 1, 2: 1, 3: 1 } }, "GO", ["MEETS_TARGET"]],
    [
      "blocker for another tier is ignored",
      { tier: 3, codes: ["M", "-", "-", "-"], extraItems: [item("t1", { tiers: [1, 2], isBlocker: true })], extraCodes: { t1: "N" } },
      "GO",
      ["MEETS_TARGET"],
    ],
  ])("%s", (_label, scenario, verdict, codes) => {
    const result = run(scenario);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });
});

describe("reason content", () => {
  it("BELOW_TARGET names levels, tier and the items missing for the target", () => {
    const result = run({ tier: 1, codes: ["M", "N", "-", "M"] });
    expect(result.reasons).toEqual([
      {
        code: "BELOW_TARGET",
        severity: "blocker",
        message: "Level L1 is below the target L3 for a tier 1 service",
        itemKeys: ["l2", "l3"],
      },
    ]);
  });

  it.each<[Code, string]>([
    ["N", "not met"],
    ["P", "partially met"],
    ["-", "unanswered"],
    ["NA!", "without a reason"],
  ])("BLOCKER_UNMET for answer %s names the item and says %j", (code, phrase) => {
    const result = run({ tier: 3, codes: ["M", "M", "M", code], blockers: ["l4"] });
    const reason = result.reasons.find((r) => r.code === "BLOCKER_UNMET");
    expect(reason?.severity).toBe("blocker");
    expect(reason?.itemKeys).toEqual(["l4"]);
    expect(reason?.message).toContain("Title l4");
    expect(reason?.message).toContain(phrase);
  });

  it("waiver and partial reasons name their items", () => {
    const result = run({ tier: 1, codes: ["M", "P", "N", "M"], blockers: ["l3"], waivers: [waiver("l3", "2025-07-01")] });
    const byCode = new Map(result.reasons.map((r) => [r.code, r]));
    expect(byCode.get("TARGET_NEEDS_PARTIALS")?.itemKeys).toEqual(["l2"]);
    expect(byCode.get("TARGET_NEEDS_PARTIALS")?.message).toContain("Title l2");
    expect(byCode.get("TARGET_NEEDS_WAIVERS")?.itemKeys).toEqual(["l3"]);
    expect(byCode.get("BLOCKER_WAIVED")?.message).toContain("2025-07-01");
  });

  it("MEETS_TARGET and WAIVER_EXPIRED explain themselves", () => {
    const result = run({ tier: 1, codes: ["M", "M", "M", "N"], waivers: [waiver("l4", YESTERDAY)] });
    expect(result.reasons.map((r) => [r.code, r.severity])).toEqual([
      ["MEETS_TARGET", "info"],
      ["WAIVER_EXPIRED", "info"],
    ]);
    expect(result.reasons[0]?.message).toContain("Level L3 meets the target L3");
    expect(result.reasons[1]?.message).toContain(YESTERDAY);
  });
});

describe("reason ordering", () => {
  const items = [
    item("a", { level: 2, isBlocker: true }),
    item("b", { level: 1, isBlocker: true }),
    item("c", { level: 4, isBlocker: true }),
    item("d", { level: 3 }),
  ];
  const input = reviewInput({
    items,
    tier: 3,
    answers: answers({ a: "N", b: "-", c: "N", d: "N" }),
    waivers: [waiver("c"), waiver("d", YESTERDAY)],
  });

  it("goes blocker → warning → info, items in template order", () => {
    const result = evaluateReview(input);
    expect(result.reasons.map((r) => [r.severity, r.code, r.itemKeys[0]])).toEqual([
      ["blocker", "BLOCKER_UNMET", "a"],
      ["blocker", "BLOCKER_UNMET", "b"],
      ["blocker", "BELOW_TARGET", "b"],
      ["warning", "BLOCKER_WAIVED", "c"],
      ["info", "WAIVER_EXPIRED", "d"],
    ]);
  });

  it("does not depend on the order waivers or answers arrive in", () => {
    const shuffled = { ...input, waivers: [...input.waivers].reverse(), answers: answers({ d: "N", c: "N", b: "-", a: "N" }) };
    expect(evaluateReview(shuffled)).toEqual(evaluateReview(input));
  });
});

describe("evaluateReview", () => {
  it("combines maturity and verdict consistently with computeVerdict", () => {
    const input = reviewInput({ tier: 1, answers: answers({ l1: "M", l2: "N", l3: "M" }), waivers: [waiver("l2")] });
    const all = evaluateReview(input);
    const verdictOnly = computeVerdict(input);
    expect(all).toMatchObject(verdictOnly);
    expect(all.target).toBe(3);
    expect([all.level, all.levelWithoutWaivers]).toEqual([3, 1]);
    expect(all.outcomes).toEqual({ l1: "MET", l2: "WAIVED", l3: "MET", l4: "UNANSWERED" });
    expect(all.nextLevel?.items.map((i) => i.key)).toEqual(["l4"]);
  });
});

describe("isDecisionAllowed", () => {
  it.each<[Verdict, Verdict, boolean]>([
    ["GO", "GO", true],
    ["GO", "CONDITIONAL_GO", true],
    ["GO", "NO_GO", true],
    ["CONDITIONAL_GO", "GO", false],
    ["CONDITIONAL_GO", "CONDITIONAL_GO", true],
    ["CONDITIONAL_GO", "NO_GO", true],
    ["NO_GO", "GO", false],
    ["NO_GO", "CONDITIONAL_GO", false],
    ["NO_GO", "NO_GO", true],
  ])("computed %s, decided %s → %s", (computed, decided, allowed) => {
    expect(isDecisionAllowed(computed, decided)).toBe(allowed);
  });
});

describe("answers carried from the previous review", () => {
  const carried = (code: "M" | "P" | "N" | "NA") => ({ ...answer(code)!, awaitsConfirmation: true });
  type Row = [string, Record<string, ReturnType<typeof carried> | ReturnType<typeof answer>>, number, Verdict, ReasonCode[]];

  // Tier 3 targets L1; l1..l4 form the ladder.
  it.each<Row>([
    [
      "unconfirmed carried answers count for nothing",
      { l1: carried("M"), l2: carried("M") },
      0,
      "NO_GO",
      ["BELOW_TARGET", "CARRIED_UNCONFIRMED"],
    ],
    ["confirming one lifts the level", { l1: answer("M"), l2: carried("M") }, 1, "GO", ["MEETS_TARGET", "CARRIED_UNCONFIRMED"]],
    ["confirming all of them lifts it further", { l1: answer("M"), l2: answer("M") }, 2, "GO", ["MEETS_TARGET"]],
    ["a carried N/A with a reason waits too", { l1: carried("NA") }, 0, "NO_GO", ["BELOW_TARGET", "CARRIED_UNCONFIRMED"]],
  ])("%s", (_name, given, level, verdict, codes) => {
    const result = evaluateReview(reviewInput({ tier: 3, answers: given }));
    expect(result.level).toBe(level);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("says how many wait, names them, and does not count them as answered", () => {
    const result = evaluateReview(reviewInput({ tier: 3, answers: { l1: carried("M"), l2: carried("N"), l3: answer("M") } }));
    const reason = result.reasons.find((r) => r.code === "CARRIED_UNCONFIRMED");
    expect(reason).toMatchObject({ severity: "info", itemKeys: ["l1", "l2"] });
    expect(reason?.message).toMatch(/^2 answers carried from the previous review wait for confirmation/);
    expect(result.awaitingConfirmation).toEqual(["l1", "l2"]);
    expect(result.totals).toMatchObject({ answered: 1, unanswered: 3 });
  });

  it("says so when the one waiting answer is a blocker's", () => {
    const items = ladder().map((i) => (i.key === "l1" ? { ...i, isBlocker: true } : i));
    const result = evaluateReview(reviewInput({ items, tier: 3, answers: { l1: carried("M") } }));
    expect(result.reasons.find((r) => r.code === "BLOCKER_UNMET")?.message).toBe(
      'Blocker "Title l1" was carried from the previous review and waits for confirmation',
    );
    expect(result.reasons.find((r) => r.code === "CARRIED_UNCONFIRMED")?.message).toMatch(/^1 answer carried .* waits for confirmation/);
  });

  it("a waiver still counts for an item whose carried answer waits", () => {
    const result = evaluateReview(reviewInput({ tier: 3, answers: { l1: carried("N") }, waivers: [waiver("l1")] }));
    expect(result.outcomes.l1).toBe("WAIVED");
  });
});

describe("one standing for the level and the verdict", () => {
  // Tier 1 targets L3: l2 counts only by its waiver and l3 is partial, so the level is L2 and the target is
  // accepted only with partials. Nothing may claim the target is "reached" while the level is below it.
  const result = run({ tier: 1, codes: ["M", "N", "P", "N"], waivers: [waiver("l2")] });

  it("says the level is below the target and the target is accepted with partials", () => {
    expect(result.level).toBe(2);
    expect(result.verdict).toBe("CONDITIONAL_GO");
    expect(result.standing).toBe("NEEDS_PARTIALS");
  });

  it("no reason says the target is reached while the level is below it", () => {
    for (const reason of result.reasons) expect(reason.message).not.toMatch(/is reached/);
    expect(result.reasons.find((r) => r.code === "TARGET_NEEDS_WAIVERS")?.message).toBe(
      'Accepting target L3 with partial answers also needs the waivers on "Title l2"',
    );
  });

  it.each<[string, Scenario, string]>([
    ["meets on its own", { tier: 2, codes: ["M", "M", "N", "N"] }, "MEETS"],
    ["needs waivers", { tier: 2, codes: ["M", "N", "N", "N"], waivers: [waiver("l2")] }, "NEEDS_WAIVERS"],
    ["needs partials", { tier: 2, codes: ["M", "P", "N", "N"] }, "NEEDS_PARTIALS"],
    ["partial blocker is below", { tier: 2, codes: ["M", "P", "N", "N"], blockers: ["l2"] }, "BELOW"],
    ["below", { tier: 2, codes: ["M", "N", "N", "N"] }, "BELOW"],
  ])("%s", (_name, scenario, standing) => {
    const evaluated = run(scenario);
    expect(evaluated.standing).toBe(standing);
    expect(targetStanding(evaluated)).toBe(standing);
  });
});
