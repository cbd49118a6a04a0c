import { describe, expect, it } from "vitest";
import { diffDirection, diffReviews, levelChange, type DiffDirection, type DiffItemInput, type DiffOutcome } from "./review-diff";
import type { AchievedLevel } from "./types";

function row(itemKey: string, outcome: DiffOutcome, overrides: Partial<Omit<DiffItemInput, "itemKey" | "outcome">> = {}): DiffItemInput {
  return { itemKey, itemTitle: `Title ${itemKey}`, concernKey: "ops", level: 1, isBlocker: false, outcome, ...overrides };
}

describe("diffDirection", () => {
  it.each<[DiffOutcome, DiffOutcome, DiffDirection]>([
    ["MET", "NOT_MET", "regression"],
    ["WAIVED", "PARTIAL", "regression"],
    ["NA", "WAIVED", "regression"],
    ["PARTIAL", "UNANSWERED", "regression"],
    ["UNANSWERED", "MET", "improvement"],
    ["NOT_MET", "PARTIAL", "improvement"],
    ["PARTIAL", "WAIVED", "improvement"],
    ["WAIVED", "NA", "improvement"],
    ["MET", "NA", "change"], // same rank, different outcome
    ["NA", "MET", "change"],
    ["ABSENT", "MET", "change"],
    ["NOT_MET", "ABSENT", "change"],
  ])("%s → %s is a %s", (before, after, expected) => {
    expect(diffDirection(before, after)).toBe(expected);
  });
});

describe("diffReviews", () => {
  it("returns nothing for empty inputs", () => {
    expect(diffReviews([], [])).toEqual({
      items: [],
      summary: { total: 0, regressions: 0, improvements: 0, changes: 0, blockerRegressions: 0, added: 0, removed: 0 },
    });
  });

  it("returns nothing when every outcome is unchanged", () => {
    const rows = [row("a", "MET"), row("b", "NOT_MET"), row("c", "ABSENT")];
    expect(diffReviews(rows, rows).items).toEqual([]);
  });

  it("lists only changed items with before/after and direction", () => {
    const result = diffReviews([row("a", "MET"), row("b", "PARTIAL")], [row("a", "MET"), row("b", "MET")]);
    expect(result.items).toEqual([
      {
        itemKey: "b",
        itemTitle: "Title b",
        concernKey: "ops",
        level: 1,
        isBlocker: false,
        before: "PARTIAL",
        after: "MET",
        direction: "improvement",
      },
    ]);
  });

  it("sorts regressions (blockers, then lower level, then template order), then changes, then improvements", () => {
    const before = [
      row("imp1", "NOT_MET"),
      row("reg-l3", "MET", { level: 3 }),
      row("chg", "MET"),
      row("reg-l1", "MET", { level: 1 }),
      row("reg-blocker-l4", "MET", { level: 4, isBlocker: true }),
      row("imp2", "UNANSWERED", { isBlocker: true }),
      row("reg-l1-later", "WAIVED", { level: 1 }),
    ];
    const after = [
      row("imp1", "MET"),
      row("reg-l3", "PARTIAL", { level: 3 }),
      row("chg", "NA"),
      row("reg-l1", "NOT_MET", { level: 1 }),
      row("reg-blocker-l4", "UNANSWERED", { level: 4, isBlocker: true }),
      row("imp2", "PARTIAL", { isBlocker: true }),
      row("reg-l1-later", "PARTIAL", { level: 1 }),
    ];
    expect(diffReviews(before, after).items.map((change) => change.itemKey)).toEqual([
      "reg-blocker-l4",
      "reg-l1",
      "reg-l1-later",
      "reg-l3",
      "chg",
      "imp1",
      "imp2",
    ]);
  });

  it("uses the order of `after` as template order, not the order of `before`", () => {
    const before = [row("z", "MET"), row("y", "MET"), row("x", "MET")];
    const after = [row("x", "NOT_MET"), row("y", "NOT_MET"), row("z", "NOT_MET")];
    expect(diffReviews(before, after).items.map((change) => change.itemKey)).toEqual(["x", "y", "z"]);
  });

  it("treats items missing on one side as ABSENT changes; removed items come after the `after` order", () => {
    const before = [row("gone", "MET"), row("kept", "MET")];
    const after = [row("new", "NOT_MET"), row("kept", "MET")];
    const result = diffReviews(before, after);
    expect(result.items.map((c) => [c.itemKey, c.before, c.after, c.direction])).toEqual([
      ["new", "ABSENT", "NOT_MET", "change"],
      ["gone", "MET", "ABSENT", "change"],
    ]);
    expect(result.summary).toMatchObject({ changes: 2, added: 1, removed: 1, total: 2 });
  });

  it("treats an explicit ABSENT like a missing row", () => {
    const result = diffReviews([row("a", "ABSENT")], [row("a", "PARTIAL")]);
    expect(result.items[0]).toMatchObject({ before: "ABSENT", after: "PARTIAL", direction: "change" });
  });

  it("takes title, concern, level and blocker flag from the later review", () => {
    const before = [row("a", "MET", { itemTitle: "Old wording", level: 2, isBlocker: false, concernKey: "old" })];
    const after = [row("a", "NOT_MET", { itemTitle: "New wording", level: 1, isBlocker: true, concernKey: "new" })];
    expect(diffReviews(before, after).items[0]).toMatchObject({
      itemTitle: "New wording",
      level: 1,
      isBlocker: true,
      concernKey: "new",
      direction: "regression",
    });
  });

  it("keeps the first row on a duplicated item key", () => {
    const result = diffReviews([row("a", "MET")], [row("a", "NOT_MET"), row("a", "MET")]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.after).toBe("NOT_MET");
  });

  it("summarizes counts, including blocker regressions", () => {
    const before = [row("a", "MET", { isBlocker: true }), row("b", "MET"), row("c", "NOT_MET"), row("d", "MET")];
    const after = [row("a", "PARTIAL", { isBlocker: true }), row("b", "WAIVED"), row("c", "MET"), row("d", "NA")];
    expect(diffReviews(before, after).summary).toEqual({
      total: 4,
      regressions: 2,
      improvements: 1,
      changes: 1,
      blockerRegressions: 1,
      added: 0,
      removed: 0,
    });
  });
});

describe("levelChange", () => {
  it.each<[AchievedLevel | null, AchievedLevel | null, number | null, string, string]>([
    [2, 3, 1, "up", "L2 → L3 (+1)"],
    [3, 1, -2, "down", "L3 → L1 (\u22122)"],
    [0, 4, 4, "up", "L0 → L4 (+4)"],
    [2, 2, 0, "same", "L2 (unchanged)"],
    [null, 1, null, "unknown", "— → L1"],
    [3, null, null, "unknown", "L3 → —"],
  ])("%s → %s", (before, after, delta, direction, label) => {
    expect(levelChange(before, after)).toEqual({ before, after, delta, direction, label });
  });
});
