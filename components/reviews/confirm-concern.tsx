"use client";

import { confirmConcernAction } from "@/lib/actions/reviews";
import { ConfirmMessageText } from "./confirm-review";
import { PendingButton } from "./pending-button";
import { useConfirmCarried } from "./use-confirm-carried";

export type ConfirmConcernProps = {
  reviewId: string;
  concernKey: string;
  concernTitle: string;
  /** How many of the concern's carried answers still wait. */
  awaiting: number;
  /** The concern's tag as the page shows it: confirming anything that changed since is refused. */
  tag: string;
  canEdit: boolean;
};

/** "Confirm all carried answers" for one concern, for when everything carried from the last review still holds. */
export function ConfirmConcern({ reviewId, concernKey, concernTitle, awaiting, tag, canEdit }: ConfirmConcernProps) {
  const { isPending, message, messageRef, confirmAll } = useConfirmCarried(() => confirmConcernAction(reviewId, concernKey, tag));

  return (
    <section
      aria-label={`Carried answers in ${concernTitle}`}
      className="flex flex-col gap-3 rounded-md border border-amber-300 bg-conditional-soft p-4 text-sm text-conditional-ink sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="space-y-1">
        {awaiting > 0 ? (
          <p>
            <strong>
              {awaiting} {awaiting === 1 ? "answer" : "answers"}
            </strong>{" "}
            in this concern {awaiting === 1 ? "was" : "were"} carried from the previous review and {awaiting === 1 ? "waits" : "wait"} for
            confirmation. {awaiting === 1 ? "It counts" : "They count"} toward the level once confirmed.
          </p>
        ) : (
          <p>Every answer carried into this concern from the previous review is confirmed or changed.</p>
        )}
        <ConfirmMessageText message={message} messageRef={messageRef} />
      </div>
      {canEdit && awaiting > 0 ? (
        <PendingButton
          type="button"
          variant="secondary"
          isPending={isPending}
          pendingLabel="Confirming…"
          onClick={confirmAll}
          className="shrink-0"
        >
          Confirm all {awaiting} in {concernTitle}
        </PendingButton>
      ) : null}
    </section>
  );
}
