import { describe, expect, it } from "vitest";
import { awaitsConfirmation, concernConfirmation, concernConfirmationTag, isCarried, planCarryForward } from "./carry-forward";

const answer = (itemKey: string, awaits = false) => ({ itemKey, awaitsConfirmation: awaits, note: `note on ${itemKey}` });

describe("planCarryForward", () => {
  it.each<[string, ReturnType<typeof answer>[], string[], { carried: string[]; leftBehind: string[]; unconfirmed: string[] }]>([
    [
      "everything when the template is unchanged",
      [answer("a"), answer("b")],
      ["a", "b", "c"],
      { carried: ["a", "b"], leftBehind: [], unconfirmed: [] },
    ],
    ["nothing from a review without answers", [], ["a"], { carried: [], leftBehind: [], unconfirmed: [] }],
    ["not items the new template dropped", [answer("a"), answer("gone")], ["a"], { carried: ["a"], leftBehind: ["gone"], unconfirmed: [] }],
    [
      "not answers that never counted there",
      [answer("a"), answer("b", true)],
      ["a", "b"],
      { carried: ["a"], leftBehind: [], unconfirmed: ["b"] },
    ],
    [
      "a dropped item is left behind even if it waited",
      [answer("gone", true)],
      ["a"],
      { carried: [], leftBehind: ["gone"], unconfirmed: [] },
    ],
  ])("carries %s", (_name, previous, keys, expected) => {
    const plan = planCarryForward(previous, keys);
    expect({
      carried: plan.carried.map((a) => a.itemKey),
      leftBehind: plan.leftBehind,
      unconfirmed: plan.unconfirmed,
    }).toEqual(expected);
  });

  it("keeps what the answer carries (note, evidence) untouched", () => {
    const plan = planCarryForward([answer("a")], ["a"]);
    expect(plan.carried[0]?.note).toBe("note on a");
  });
});

describe("answer origin", () => {
  it.each([
    [{ carriedFromReviewId: null, confirmedAt: null }, false, false],
    [{ carriedFromReviewId: "r1", confirmedAt: null }, true, true],
    [{ carriedFromReviewId: "r1", confirmedAt: "2026-01-02T10:00:00Z" }, true, false],
  ])("%o is carried %s and waits %s", (origin, carried, waits) => {
    expect(isCarried(origin)).toBe(carried);
    expect(awaitsConfirmation(origin)).toBe(waits);
  });
});

describe("concernConfirmation", () => {
  const items = [
    { key: "ops.a", concernKey: "ops", tiers: [1, 2, 3] },
    { key: "ops.b", concernKey: "ops", tiers: [1, 2, 3] },
    { key: "ops.tier1", concernKey: "ops", tiers: [1] },
    { key: "ops.c", concernKey: "ops", tiers: [1, 2, 3] },
    { key: "sec.a", concernKey: "sec", tiers: [1, 2, 3] },
  ];
  const carried = (version: number, awaits: boolean) => ({ version, carriedFromReviewId: "prev", awaitsConfirmation: awaits });
  const answers = {
    "ops.a": carried(1, true),
    "ops.b": carried(2, false),
    "ops.tier1": carried(1, true),
    "ops.c": { version: 4, carriedFromReviewId: null, awaitsConfirmation: false },
    "sec.a": carried(1, true),
  };

  it("names the concern's applicable carried answers that wait, with a tag over all its carried answers", () => {
    expect(concernConfirmation(items, answers, "ops", 3)).toEqual({ concernKey: "ops", carried: 2, awaiting: ["ops.a"], tag: "v1.2" });
    expect(concernConfirmation(items, answers, "ops", 1)).toEqual({
      concernKey: "ops",
      carried: 3,
      awaiting: ["ops.a", "ops.tier1"],
      tag: "v1.2.1",
    });
  });

  it("moves the tag on when one carried answer is confirmed on its own", () => {
    const before = concernConfirmation(items, answers, "ops", 3);
    const after = concernConfirmation(items, { ...answers, "ops.a": carried(2, false) }, "ops", 3);
    expect(after.awaiting).toEqual([]);
    expect(after.tag).not.toBe(before.tag);
  });

  it("has an empty tag for a concern without carried answers", () => {
    expect(concernConfirmation(items, {}, "sec", 3)).toEqual({
      concernKey: "sec",
      carried: 0,
      awaiting: [],
      tag: concernConfirmationTag([]),
    });
  });
});
