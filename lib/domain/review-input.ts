// What the engine reads from a review's stored answers and waivers. The server (evaluateRows) and the concern page's
// live progress build the engine's input with these, so both count exactly the same things: an answer that waits for
// confirmation counts for nothing, and only the waiver fields the engine knows travel.

import type { AnswerMap } from "./maturity";
import type { TierTargets } from "./targets";
import type { AnswerStatus, ChecklistItemDef, Tier } from "./types";
import { evaluateReview, type ReviewEvaluation } from "./verdict";
import type { WaiverInput } from "./waivers";

export type StoredAnswer = { itemKey: string; status: AnswerStatus; naReason: string | null; awaitsConfirmation: boolean };

export type StoredReview = {
  items: readonly ChecklistItemDef[];
  tier: Tier;
  answers: Iterable<StoredAnswer>;
  waivers: readonly WaiverInput[];
  today: string;
  tierTargets: TierTargets;
};

export function answerMapOf(answers: Iterable<StoredAnswer>): AnswerMap {
  const map: Record<string, AnswerMap[string]> = {};
  for (const answer of answers) {
    map[answer.itemKey] = { status: answer.status, naReason: answer.naReason, awaitsConfirmation: answer.awaitsConfirmation };
  }
  return map;
}

export function evaluateStoredReview(review: StoredReview): ReviewEvaluation {
  return evaluateReview({
    items: review.items,
    tier: review.tier,
    answers: answerMapOf(review.answers),
    waivers: review.waivers.map((w) => ({ itemKey: w.itemKey, expiresOn: w.expiresOn, status: w.status })),
    today: review.today,
    tierTargets: review.tierTargets,
  });
}
