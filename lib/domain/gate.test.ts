import { describe, expect, it } from "vitest";
import { evaluateGate, type GateDecision, type GateInput } from "./gate";
import { buildSnapshot } from "./snapshot";
import { answers, item, TODAY, TOMORROW, waiver, YESTERDAY, type Code } from "./test-helpers";
import type { ChecklistItemDef, Tier, Verdict } from "./types";
import { evaluateReview } from "./verdict";
import type { WaiverInput } from "./waivers";

// Tier 3 (target L1): one blocker and one ordinary item at L1.
const ITEMS: ChecklistItemDef[] = [item("health", { isBlocker: true }), item("logs")];
const NOW = new Date(`${TODAY}T10:00:00Z`);

/** A review decided on `decidedOn` with these answers and waivers, as deciding would freeze it. */
function decided(
  codes: Record<string, Code>,
  options: { waivers?: WaiverInput[]; decision?: Verdict; decidedOn?: string; tier?: Tier } = {},
): GateDecision {
  const decidedOn = options.decidedOn ?? YESTERDAY;
  const waivers = options.waivers ?? [];
  const tier = options.tier ?? 3;
  const answerMap = answers(codes);
  const evaluation = evaluateReview({ items: ITEMS, tier, answers: answerMap, waivers, today: decidedOn });
  const snapshot = buildSnapshot({
    takenAt: new Date(`${decidedOn}T10:00:00Z`),
    today: decidedOn,
    evaluation,
    decision: options.decision ?? evaluation.verdict,
    decisionNote: "",
    items: ITEMS,
    answers: Object.entries(answerMap).map(([itemKey, a]) => ({
      itemKey,
      status: a?.status ?? "MET",
      note: "",
      naReason: a?.naReason ?? null,
      answeredByEmail: null,
      answeredAt: `${decidedOn}T09:00:00Z`,
      evidence: [],
    })),
    waivers: waivers.map((w) => ({ ...w, reason: "r", compensatingControl: "c", riskOwner: "o", approvedByEmail: null })),
  });
  return {
    reviewId: "00000000-0000-4000-8000-000000000001",
    decidedAt: new Date(`${decidedOn}T10:00:00Z`),
    decision: options.decision ?? evaluation.verdict,
    decisionNote: "",
    snapshot,
    items: ITEMS,
    waivers,
  };
}

function gate(decision: GateDecision | null, overrides: Partial<GateInput> = {}) {
  return evaluateGate({ now: NOW, today: TODAY, serviceName: "Payments", tier: 3, decision, openReview: null, ...overrides });
}

const codes = (result: ReturnType<typeof gate>) => result.reasons.map((r) => r.code);

describe("evaluateGate", () => {
  it("says no-go for a service that was never decided, and notes a review under way", () => {
    const result = gate(null, { openReview: { id: "r", status: "DRAFT" } });
    expect(result.verdict).toBe("NO_GO");
    expect(codes(result)).toEqual(["NOT_DECIDED", "REVIEW_IN_PROGRESS"]);
    expect(result.reasons[0]?.message).toBe("Payments has no decided readiness review");
  });

  it("passes a go decision whose answers still hold", () => {
    const result = gate(decided({ health: "M", logs: "M" }));
    expect(result.verdict).toBe("GO");
    expect(codes(result)).toContain("DECISION");
    expect(result.level).toBe(4);
  });

  it("turns no-go when the waiver a blocker relied on has expired since the decision", () => {
    const atDecision = decided({ health: "N", logs: "M" }, { waivers: [waiver("health", YESTERDAY)] });
    expect(atDecision.decision).toBe("CONDITIONAL_GO");
    const result = gate(atDecision);
    expect(result.verdict).toBe("NO_GO");
    expect(codes(result)).toEqual(expect.arrayContaining(["BLOCKER_UNMET", "WAIVER_EXPIRED"]));
    // The same review judged on the day it was decided still stands.
    expect(gate(atDecision, { today: YESTERDAY, now: new Date(`${YESTERDAY}T12:00:00Z`) }).verdict).toBe("CONDITIONAL_GO");
  });

  it("turns no-go when that waiver was revoked after the decision", () => {
    const atDecision = decided({ health: "N", logs: "M" }, { waivers: [waiver("health", TOMORROW)] });
    expect(gate(atDecision).verdict).toBe("CONDITIONAL_GO");
    expect(gate({ ...atDecision, waivers: [waiver("health", TOMORROW, "REVOKED")] }).verdict).toBe("NO_GO");
  });

  it("never passes a decision stricter than the answers", () => {
    const result = gate(decided({ health: "M", logs: "M" }, { decision: "NO_GO" }));
    expect(result.verdict).toBe("NO_GO");
    expect(result.reasons[0]).toMatchObject({ code: "DECISION", severity: "blocker", message: `Decided no-go on ${YESTERDAY}` });
  });

  it("makes a go conditional once the decision is older than 90 days (exactly 90 still counts)", () => {
    const fresh = decided({ health: "M", logs: "M" }, { decidedOn: "2025-03-17" });
    expect(gate(fresh).verdict).toBe("GO");
    const stale = decided({ health: "M", logs: "M" }, { decidedOn: "2025-03-16" });
    const result = gate(stale);
    expect(result.verdict).toBe("CONDITIONAL_GO");
    expect(codes(result)).toContain("REVIEW_OVERDUE");
  });

  it("makes a go conditional when the service changed tier since", () => {
    const result = gate(decided({ health: "M", logs: "M" }), { tier: 1 });
    expect(result.verdict).toBe("CONDITIONAL_GO");
    expect(result.reasons.find((r) => r.code === "TIER_CHANGED")?.message).toMatch(/^Decided as tier 3 .*tier 1 /);
  });

  it("lists blockers before conditions before notes", () => {
    const result = gate(decided({ health: "N", logs: "M" }, { waivers: [waiver("health", YESTERDAY)], decidedOn: "2025-01-02" }), {
      openReview: { id: "r", status: "SUBMITTED" },
    });
    const ranks = result.reasons.map((r) => ({ blocker: 0, warning: 1, info: 2 })[r.severity]);
    expect(ranks).toEqual([...ranks].sort());
    expect(result.reasons.at(-1)).toMatchObject({ code: "REVIEW_IN_PROGRESS", message: "A newer review is waiting for a decision" });
  });
});
