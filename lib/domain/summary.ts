import type { ReviewEvaluation } from "@/lib/domain/verdict";

// The figures a decided review carries, so history, the portfolio and the quarterly meeting read one
// row per review instead of its answers.

export type ReviewSummary = {
  applicableCount: number;
  metCount: number;
  naCount: number;
  waivedCount: number;
  partialCount: number;
  notMetCount: number;
  unansweredCount: number;
  /** Blocker items (NEVER rules) neither met nor waived. */
  openBlockerCount: number;
};

export function summarizeEvaluation(evaluation: Pick<ReviewEvaluation, "applicableItems" | "outcomes">): ReviewSummary {
  const summary: ReviewSummary = {
    applicableCount: evaluation.applicableItems.length,
    metCount: 0,
    naCount: 0,
    waivedCount: 0,
    partialCount: 0,
    notMetCount: 0,
    unansweredCount: 0,
    openBlockerCount: 0,
  };
  for (const item of evaluation.applicableItems) {
    const outcome = evaluation.outcomes[item.key] ?? "UNANSWERED";
    if (outcome === "MET") summary.metCount++;
    else if (outcome === "NA") summary.naCount++;
    else if (outcome === "WAIVED") summary.waivedCount++;
    else if (outcome === "PARTIAL") summary.partialCount++;
    else if (outcome === "NOT_MET") summary.notMetCount++;
    else summary.unansweredCount++;
    if (item.isBlocker && (outcome === "PARTIAL" || outcome === "NOT_MET" || outcome === "UNANSWERED")) summary.openBlockerCount++;
  }
  return summary;
}
