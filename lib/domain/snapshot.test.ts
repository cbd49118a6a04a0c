import { describe, expect, it } from "vitest";
import { buildSnapshot, isReviewSnapshot, snapshotConcerns, SNAPSHOT_VERSION } from "./snapshot";
import { answers, item, TODAY } from "./test-helpers";
import { evaluateReview } from "./verdict";

const items = [item("a", { title: "Alpha", concernKey: "ops" }), item("b", { title: "Beta", concernKey: "sec", isBlocker: true })];

function snapshotOf(overrides: { decision?: "GO" | "CONDITIONAL_GO" | "NO_GO" } = {}) {
  const evaluation = evaluateReview({ items, tier: 3, answers: answers({ a: "M", b: "N" }), waivers: [], today: TODAY });
  return buildSnapshot({
    takenAt: new Date("2025-06-15T10:00:00Z"),
    today: TODAY,
    evaluation,
    decision: overrides.decision ?? "NO_GO",
    decisionNote: "",
    items,
    // Deliberately out of template order: the snapshot sorts by the template.
    answers: [
      {
        itemKey: "b",
        status: "NOT_MET",
        note: "",
        naReason: null,
        answeredByEmail: "x@example.com",
        answeredAt: new Date("2025-06-14T09:00:00Z"),
        evidence: [],
      },
      {
        itemKey: "a",
        status: "MET",
        note: "ok",
        naReason: null,
        answeredByEmail: null,
        answeredAt: "2025-06-13T09:00:00.000Z",
        evidence: [{ url: "https://x.example", title: "Doc", kind: "DOCUMENT" }],
      },
    ],
    waivers: [
      {
        itemKey: "b",
        reason: "r",
        compensatingControl: "c",
        riskOwner: "o",
        expiresOn: "2025-07-01",
        status: "PENDING",
        approvedByEmail: null,
      },
    ],
  });
}

describe("buildSnapshot", () => {
  it("freezes level, verdict and reasons from the evaluation and the decision", () => {
    const snapshot = snapshotOf();
    expect(snapshot).toMatchObject({
      version: SNAPSHOT_VERSION,
      takenAt: "2025-06-15T10:00:00.000Z",
      today: TODAY,
      tier: 3,
      target: 1,
      level: 0,
      levelWithoutWaivers: 0,
      computedVerdict: "NO_GO",
      decision: "NO_GO",
    });
    expect(snapshot.reasons.map((r) => r.code)).toContain("BLOCKER_UNMET");
    expect(snapshot.concerns.map((c) => c.concernKey)).toEqual(["ops", "sec"]);
  });

  it("copies answers in template order with item titles, evidence and ISO times", () => {
    const snapshot = snapshotOf();
    expect(snapshot.answers.map((a) => [a.itemKey, a.itemTitle, a.concernKey, a.answeredAt])).toEqual([
      ["a", "Alpha", "ops", "2025-06-13T09:00:00.000Z"],
      ["b", "Beta", "sec", "2025-06-14T09:00:00.000Z"],
    ]);
    expect(snapshot.answers[0]?.evidence).toEqual([{ url: "https://x.example", title: "Doc", kind: "DOCUMENT" }]);
    expect(snapshot.waivers).toHaveLength(1);
  });

  it("survives a JSON round trip and is recognised when read back", () => {
    const snapshot = snapshotOf();
    const stored: unknown = JSON.parse(JSON.stringify(snapshot));
    expect(stored).toEqual(snapshot);
    expect(isReviewSnapshot(stored)).toBe(true);
  });

  it.each([null, [], "x", { version: 2 }, { ...snapshotOf(), reasons: "nope" }])("rejects %j as a snapshot", (value) => {
    expect(isReviewSnapshot(value)).toBe(false);
  });
});

describe("snapshotConcerns", () => {
  it("splits justified N/A out of `met` in snapshots written before N/A had its own count", () => {
    const snapshot = snapshotOf();
    const withNa = {
      ...snapshot,
      answers: snapshot.answers.map((a) => (a.itemKey === "a" ? { ...a, status: "NOT_APPLICABLE" as const, naReason: "No queue" } : a)),
      // The old shape: met counted MET and justified N/A together, and there was no `na`.
      concerns: snapshot.concerns.map(({ na: _na, ...concern }) => concern) as unknown as typeof snapshot.concerns,
    };
    expect(snapshotConcerns(withNa, items).find((c) => c.concernKey === "ops")).toMatchObject({ met: 0, na: 1, total: 1 });
  });

  it("keeps the counts of a snapshot that has them", () => {
    const snapshot = snapshotOf();
    expect(snapshotConcerns(snapshot, items)).toEqual(snapshot.concerns);
  });
});
