import type { ReviewView } from "@/lib/db/review-view";
import { ConfirmConcern } from "./confirm-concern";
import { ConfirmReview } from "./confirm-review";

export type ConcernCarriedAnswersProps = { view: ReviewView; concernKey: string; concernTitle: string };

/** The concern-level "confirm all" control, shown while the review is a draft and the concern has carried answers. */
export function ConcernCarriedAnswers({ view, concernKey, concernTitle }: ConcernCarriedAnswersProps) {
  const state = view.carryForward.concerns.find((c) => c.concernKey === concernKey);
  if (!state || state.carried === 0 || view.review.status !== "DRAFT") return null;
  return (
    <ConfirmConcern
      reviewId={view.review.id}
      concernKey={concernKey}
      concernTitle={concernTitle}
      awaiting={state.awaiting.length}
      tag={state.tag}
      canEdit={view.permissions.canEdit}
    />
  );
}

/** The review-wide "confirm all carried answers", for the overview and the concern pages' progress panel. */
export function ReviewCarriedAnswers({ view }: { view: ReviewView }) {
  const state = view.carryForward.review;
  // Kept while the review holds carried answers at all, so "Confirmed N" stays on screen after the refresh.
  if (state.carried === 0 || view.review.status !== "DRAFT" || !view.permissions.canEdit) return null;
  return <ConfirmReview reviewId={view.review.id} awaiting={state.awaiting.length} tag={state.tag} />;
}
