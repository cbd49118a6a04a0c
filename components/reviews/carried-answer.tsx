import type { AnswerDto } from "@/lib/db/review-dtos";
import { ANSWER_WORDS } from "@/lib/domain/words";
import { formatDateTime } from "@/lib/format/dates";
import { CarriedAnswerPanel } from "./carried-answer-panel";

export type CarriedAnswerProps = {
  reviewId: string;
  itemTitle: string;
  answer: AnswerDto | null;
  canEdit: boolean;
};

/** Where a carried answer came from and whether it counts yet; nothing for an answer given in this review. */
export function CarriedAnswer({ reviewId, itemTitle, answer, canEdit }: CarriedAnswerProps) {
  if (!answer?.carriedFromReviewId) return null;
  const answered = answer.answeredBy ? ` by ${answer.answeredBy.name}` : "";
  const origin = `Carried from the previous review: "${ANSWER_WORDS[answer.status]}"${answered}, ${formatDateTime(answer.answeredAt)}.`;
  const confirmation = answer.awaitsConfirmation
    ? null
    : `Confirmed${answer.confirmedBy ? ` by ${answer.confirmedBy.name}` : ""}${answer.confirmedAt ? `, ${formatDateTime(answer.confirmedAt)}` : ""}.`;
  return (
    <CarriedAnswerPanel
      reviewId={reviewId}
      itemKey={answer.itemKey}
      itemTitle={itemTitle}
      version={answer.version}
      origin={origin}
      confirmation={confirmation}
      canEdit={canEdit}
    />
  );
}
