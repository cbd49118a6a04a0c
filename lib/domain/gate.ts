// The deploy gate: "may this service ship today?", answered from the decision it rests on. The decision itself is
// frozen (see ./snapshot), but the world moves on: an approved waiver it counted on may have expired or been
// revoked, the service may have changed tier, and the decision grows old. So the gate evaluates the decided answers
// again for today and takes the stricter of that and the approver's decision. Pure: the caller passes the clock.

import { reviewDueReason } from "./quarters";
import { snapshotEvaluationInputs, type ReviewSnapshot } from "./snapshot";
import { defaultTierTargets } from "./targets";
import type { ChecklistItemDef, ReviewStatus, Tier, Verdict } from "./types";
import {
  evaluateReview,
  SEVERITY_RANK,
  VERDICT_FOR_SEVERITY,
  VERDICT_STRICTNESS,
  type Reason,
  type ReasonCode,
  type ReasonSeverity,
} from "./verdict";
import type { WaiverInput } from "./waivers";
import { TIER_WORDS, VERDICT_WORDS } from "./words";

export const GATE_REASON_CODES = ["NOT_DECIDED", "DECISION", "REVIEW_OVERDUE", "TIER_CHANGED", "REVIEW_IN_PROGRESS"] as const;
export type GateReasonCode = (typeof GATE_REASON_CODES)[number];

export type GateReason = Omit<Reason, "code"> & { code: ReasonCode | GateReasonCode };

export type GateDecision = {
  reviewId: string;
  decidedAt: Date;
  decision: Verdict;
  decisionNote: string;
  snapshot: ReviewSnapshot;
  /** The decided review's template items (versions never change after publishing). */
  items: readonly ChecklistItemDef[];
  /** The decided review's waivers as they stand now: a revocation after the decision shows here. */
  waivers: readonly WaiverInput[];
};

export type GateInput = {
  now: Date;
  today: string;
  serviceName: string;
  tier: Tier;
  decision: GateDecision | null;
  openReview: { id: string; status: ReviewStatus } | null;
};

export type GateResult = {
  verdict: Verdict;
  /** Blockers first, then conditions, then notes. */
  reasons: GateReason[];
  /** What the decided answers reach today (null without a decision). */
  level: number | null;
  target: number | null;
};

const SEVERITY_FOR_VERDICT: Record<Verdict, ReasonSeverity> = { NO_GO: "blocker", CONDITIONAL_GO: "warning", GO: "info" };

function stricter(a: Verdict, b: Verdict): Verdict {
  return VERDICT_STRICTNESS[b] > VERDICT_STRICTNESS[a] ? b : a;
}

function reason(code: GateReasonCode, severity: ReasonSeverity, message: string): GateReason {
  return { code, severity, message, itemKeys: [] };
}

export function evaluateGate(input: GateInput): GateResult {
  const inProgress = input.openReview
    ? [
        reason(
          "REVIEW_IN_PROGRESS",
          "info",
          `A newer review is ${input.openReview.status === "SUBMITTED" ? "waiting for a decision" : "in progress"}`,
        ),
      ]
    : [];
  const { decision } = input;
  if (!decision) {
    return {
      verdict: "NO_GO",
      reasons: [reason("NOT_DECIDED", "blocker", `${input.serviceName} has no decided readiness review`), ...inProgress],
      level: null,
      target: null,
    };
  }

  const { snapshot } = decision;
  const { answers } = snapshotEvaluationInputs(snapshot);
  const today = evaluateReview({
    items: decision.items,
    tier: snapshot.tier,
    answers,
    waivers: decision.waivers,
    today: input.today,
    tierTargets: { ...defaultTierTargets, [snapshot.tier]: snapshot.target },
  });

  const decided = reason(
    "DECISION",
    SEVERITY_FOR_VERDICT[decision.decision],
    `Decided ${VERDICT_WORDS[decision.decision].toLowerCase()} on ${decision.decidedAt.toISOString().slice(0, 10)}` +
      (decision.decisionNote.trim() ? `: ${decision.decisionNote.trim()}` : ""),
  );
  const gateReasons: GateReason[] = [decided];
  if (reviewDueReason({ lastDecidedAt: decision.decidedAt, pendingTrigger: false, asOf: input.now }) !== null) {
    gateReasons.push(reason("REVIEW_OVERDUE", "warning", "The decision is older than 90 days: a new review is overdue"));
  }
  if (input.tier !== snapshot.tier) {
    gateReasons.push(
      reason(
        "TIER_CHANGED",
        "warning",
        `Decided as ${TIER_WORDS[snapshot.tier].toLowerCase()}; the service is ${TIER_WORDS[input.tier].toLowerCase()} now, so it needs a new review`,
      ),
    );
  }

  const reasons = [...today.reasons, ...gateReasons, ...inProgress].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const verdict = reasons.reduce((v, r) => stricter(v, VERDICT_FOR_SEVERITY[r.severity]), stricter(decision.decision, today.verdict));
  return { verdict, reasons, level: today.level, target: today.target };
}
