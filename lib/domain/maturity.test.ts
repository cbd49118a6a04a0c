import { describe, expect, it } from "vitest";
import { computeMaturity, itemOutcome, type ItemOutcome } from "./maturity";
import { TODAY, TOMORROW, YESTERDAY, answer, answers, item, ladder, waiver, type Code } from "./test-helpers";
import type { AchievedLevel, ChecklistItemDef } from "./types";
import type { WaiverInput } from "./waivers";

type Ladder = [Code, Code, Code, Code];

function ladderAnswers(codes: Ladder) {
  return answers({ l1: codes[0], l2: codes[1], l3: codes[2], l4: codes[3] });
}

function maturityOf(items: ChecklistItemDef[], codes: Record<string, Code>, waivers: WaiverInput[] = [], tier: 1 | 2 | 3 = 3) {
  return computeMaturity({ items, tier, answers: answers(codes), waivers, today: TODAY });
}

describe("itemOutcome", () => {
  it.each<[Code, boolean, ItemOutcome]>([
    ["M", false, "MET"],
    ["M", true, "MET"],
    ["NA", false, "NA"],
    ["NA", true, "NA"],
    ["NA!", false, "UNANSWERED"],
    ["NA!", true, "WAIVED"],
    ["P", false, "PARTIAL"],
    ["P", true, "WAIVED"],
    ["N", false, "NOT_MET"],
    ["N", true, "WAIVED"],
    ["-", false, "UNANSWERED"],
    ["-", true, "WAIVED"],
  ])("answer %s with active waiver=%s → %s", (code, waived, expected) => {
    expect(itemOutcome(answer(code), waived)).toBe(expected);
  });

  it.each([null, undefined, ""])("treats N/A with reason %j as unanswered", (naReason) => {
    expect(itemOutcome({ status: "NOT_APPLICABLE", naReason }, false)).toBe("UNANSWERED");
  });
});

describe("maturity level flavours (one item per level)", () => {
  it.each<[string, Ladder, string[], AchievedLevel, AchievedLevel, AchievedLevel]>([
    // label, answers L1..L4, waived keys, level, withoutWaivers, countingPartials
    ["everything met", ["M", "M", "M", "M"], [], 4, 4, 4],
    ["nothing answered is L0", ["-", "-", "-", "-"], [], 0, 0, 0],
    ["partial L1 is L0 unless partials count", ["P", "M", "M", "M"], [], 0, 0, 4],
    ["a gap at L2 cannot be skipped", ["M", "-", "M", "M"], [], 1, 1, 1],
    ["partial L4 stops at L3", ["M", "M", "M", "P"], [], 3, 3, 4],
    ["partial then not met", ["M", "P", "N", "M"], [], 1, 1, 2],
    ["justified N/A counts as met", ["NA", "M", "NA", "M"], [], 4, 4, 4],
    ["N/A without reason is a gap", ["M", "NA!", "M", "M"], [], 1, 1, 1],
    ["waived L2 lifts only the waiver flavours", ["M", "N", "M", "M"], ["l2"], 4, 1, 4],
    ["waiver on an unanswered item", ["M", "M", "-", "M"], ["l3"], 4, 2, 4],
    ["waiver covers N/A without reason", ["M", "NA!", "M", "M"], ["l2"], 4, 1, 4],
    ["waiver on a met item changes nothing", ["M", "M", "M", "M"], ["l1"], 4, 4, 4],
  ])("%s", (_label, codes, waivedKeys, level, withoutWaivers, countingPartials) => {
    const result = computeMaturity({
      items: ladder(),
      tier: 3,
      answers: ladderAnswers(codes),
      waivers: waivedKeys.map((key) => waiver(key)),
      today: TODAY,
    });
    expect([result.level, result.levelWithoutWaivers, result.levelCountingPartials]).toEqual([level, withoutWaivers, countingPartials]);
  });
});

describe("waiver dates and statuses in the level", () => {
  it.each<[string, WaiverInput[], AchievedLevel]>([
    ["approved, expires today → counts", [waiver("l2", TODAY)], 4],
    ["approved, expired yesterday → ignored", [waiver("l2", YESTERDAY)], 1],
    ["pending → ignored", [waiver("l2", TOMORROW, "PENDING")], 1],
    ["rejected → ignored", [waiver("l2", TOMORROW, "REJECTED")], 1],
    ["revoked → ignored", [waiver("l2", TOMORROW, "REVOKED")], 1],
    ["expired plus a newer approved one → counts", [waiver("l2", YESTERDAY), waiver("l2", TOMORROW)], 4],
    ["waiver on a different item → ignored", [waiver("l3", TOMORROW)], 1],
  ])("%s", (_label, waivers, expected) => {
    const result = computeMaturity({ items: ladder(), tier: 3, answers: ladderAnswers(["M", "N", "M", "M"]), waivers, today: TODAY });
    expect(result.level).toBe(expected);
  });
});

describe("empty levels and applicability", () => {
  const l1 = item("a", { level: 1 });
  const l3 = item("c", { level: 3 });
  const tier1Only = item("t1", { level: 1, tiers: [1], isBlocker: true });

  it.each<[string, ChecklistItemDef[], Record<string, Code>, 1 | 2 | 3, AchievedLevel]>([
    ["empty template is trivially L4", [], {}, 3, 4],
    ["empty L2 and L4 are satisfied once lower levels are", [l1, l3], { a: "M", c: "M" }, 3, 4],
    ["empty L2 is claimable, L3 is not", [l1, l3], { a: "M", c: "N" }, 3, 2],
    ["empty L2 cannot be claimed over a missing L1", [l1, l3], { a: "N", c: "M" }, 3, 0],
    ["item for tier 1 only is ignored on a tier 3 service", [l1, tier1Only], { a: "M", t1: "N" }, 3, 4],
    ["the same item counts on a tier 1 service", [l1, tier1Only], { a: "M", t1: "N" }, 1, 0],
  ])("%s", (_label, items, codes, tier, expected) => {
    expect(maturityOf(items, codes, [], tier).level).toBe(expected);
  });

  it("leaves non-applicable items out of outcomes, totals and concerns", () => {
    const result = maturityOf([l1, item("t1", { tiers: [1], concernKey: "only-tier-1" })], { a: "M", t1: "N" });
    expect(Object.keys(result.outcomes)).toEqual(["a"]);
    expect(result.totals.total).toBe(1);
    expect(result.concerns.map((c) => c.concernKey)).toEqual(["ops"]);
    expect(result.applicableItems.map((i) => i.key)).toEqual(["a"]);
  });
});

describe("concern and level tallies", () => {
  const items = [
    item("o1", { concernKey: "obs", level: 1 }),
    item("d1", { concernKey: "data", level: 1 }),
    item("o2", { concernKey: "obs", level: 1 }),
    item("o3", { concernKey: "obs", level: 2 }),
    item("o4", { concernKey: "obs", level: 2 }),
    item("o5", { concernKey: "obs", level: 3 }),
    item("d2", { concernKey: "data", level: 3 }),
    item("o6", { concernKey: "obs", level: 4 }),
  ];
  const codes: Record<string, Code> = { o1: "M", d1: "M", o2: "NA", o3: "P", o4: "N", o5: "NA!", d2: "N", o6: "-" };
  const result = maturityOf(items, codes, [waiver("o4")]);
  const none = { total: 0, answered: 0, met: 0, na: 0, waived: 0, partial: 0, notMet: 0, unanswered: 0 };

  it.each<[string, Record<string, number>]>([
    // o1 met, o2 N/A (its own count, still in the total), o3 partial, o4 waived, o5 N/A without reason
    // (answered, but unanswered outcome), o6 blank
    ["obs", { ...none, total: 6, answered: 5, met: 1, na: 1, waived: 1, partial: 1, unanswered: 2, score: 3 / 6 }],
    ["data", { ...none, total: 2, answered: 2, met: 1, notMet: 1, score: 1 / 2 }],
  ])("concern %s", (concernKey, expected) => {
    expect(result.concerns.find((c) => c.concernKey === concernKey)).toEqual({ concernKey, ...expected });
  });

  it("lists concerns in template order", () => {
    expect(result.concerns.map((c) => c.concernKey)).toEqual(["obs", "data"]);
  });

  it.each<[number, Record<string, number>]>([
    [1, { ...none, total: 3, answered: 3, met: 2, na: 1, score: 1 }],
    [2, { ...none, total: 2, answered: 2, partial: 1, waived: 1, score: 1 / 2 }],
    [3, { ...none, total: 2, answered: 2, notMet: 1, unanswered: 1, score: 0 }],
    [4, { ...none, total: 1, unanswered: 1, score: 0 }],
  ])("level %i counts", (level, expected) => {
    expect(result.levels.find((l) => l.level === level)).toEqual({ level, ...expected });
  });

  it("scores an empty concern set as zero totals", () => {
    const empty = maturityOf([], {});
    expect(empty.concerns).toEqual([]);
    expect(empty.totals.score).toBe(0);
    expect(empty.levels.every((l) => l.total === 0 && l.score === 0)).toBe(true);
  });
});

describe("what the next level still needs", () => {
  const items = [...ladder(), item("l2b", { level: 2, concernKey: "data", title: "Second L2" })];

  it.each<[string, Record<string, Code>, { level: number; missing: [string, ItemOutcome][] } | null]>([
    ["from L0, the L1 gaps", { l2: "M" }, { level: 1, missing: [["l1", "UNANSWERED"]] }],
    [
      "from L1, every L2 gap",
      { l1: "M", l2: "N", l2b: "P" },
      {
        level: 2,
        missing: [
          ["l2", "NOT_MET"],
          ["l2b", "PARTIAL"],
        ],
      },
    ],
    ["from L3, the L4 gap", { l1: "M", l2: "M", l2b: "NA", l3: "M", l4: "NA!" }, { level: 4, missing: [["l4", "UNANSWERED"]] }],
    ["nothing beyond L4", { l1: "M", l2: "M", l2b: "M", l3: "M", l4: "M" }, null],
  ])("%s", (_label, codes, expected) => {
    const { nextLevel } = maturityOf(items, codes);
    if (expected === null) {
      expect(nextLevel).toBeNull();
      return;
    }
    expect(nextLevel?.level).toBe(expected.level);
    expect(nextLevel?.items.map((i) => [i.key, i.outcome])).toEqual(expected.missing);
  });

  it("carries title, concern and level for display", () => {
    const { nextLevel } = maturityOf(items, { l1: "M", l2: "M" });
    expect(nextLevel?.items).toEqual([{ key: "l2b", title: "Second L2", concernKey: "data", level: 2, outcome: "UNANSWERED" }]);
  });
});
