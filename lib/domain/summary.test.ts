import { describe, expect, it } from "vitest";
import type { ChecklistItemDef } from "@/lib/domain/types";
import { summarizeEvaluation } from "@/lib/domain/summary";
import type { ItemOutcome } from "@/lib/domain/maturity";

const item = (key: string, isBlocker = false): ChecklistItemDef => ({
  key,
  concernKey: "c",
  title: key,
  level: 1,
  isBlocker,
  tiers: [1, 2, 3],
});

describe("summarizeEvaluation", () => {
  it("counts each outcome once and open blockers among unmet blocker items", () => {
    const items = [item("a"), item("b", true), item("c", true), item("d"), item("e"), item("f", true), item("g")];
    const outcomes: Record<string, ItemOutcome> = { a: "MET", b: "NOT_MET", c: "WAIVED", d: "NA", e: "PARTIAL", f: "UNANSWERED", g: "MET" };
    expect(summarizeEvaluation({ applicableItems: items, outcomes })).toEqual({
      applicableCount: 7,
      metCount: 2,
      naCount: 1,
      waivedCount: 1,
      partialCount: 1,
      notMetCount: 1,
      unansweredCount: 1,
      openBlockerCount: 2,
    });
  });

  it("treats an item with no outcome as unanswered", () => {
    expect(summarizeEvaluation({ applicableItems: [item("x", true)], outcomes: {} })).toMatchObject({
      unansweredCount: 1,
      openBlockerCount: 1,
    });
  });
});
