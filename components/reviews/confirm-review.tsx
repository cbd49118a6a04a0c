"use client";

import type { RefObject } from "react";
import { confirmReviewAction } from "@/lib/actions/reviews";
import { PendingButton } from "./pending-button";
import { useConfirmCarried, type ConfirmMessage } from "./use-confirm-carried";

export function ConfirmMessageText({
  message,
  messageRef,
}: {
  message: ConfirmMessage | null;
  messageRef: RefObject<HTMLParagraphElement | null>;
}) {
  if (!message) return null;
  return (
    <p ref={messageRef} tabIndex={-1} role={message.tone === "failed" ? "alert" : "status"} className="font-medium outline-none">
      {message.text}
    </p>
  );
}

export type ConfirmReviewProps = {
  reviewId: string;
  /** How many carried answers of the whole review still wait. */
  awaiting: number;
  /** The review's tag over its carried answers as the page shows them: confirming anything that changed since is refused. */
  tag: string;
};

/**
 * "Confirm all N carried answers" for the whole review: when nothing changed since the last review, one press makes
 * every carried answer count. Renders nothing once none waits (apart from what it just did).
 */
export function ConfirmReview({ reviewId, awaiting, tag }: ConfirmReviewProps) {
  const { isPending, message, messageRef, confirmAll } = useConfirmCarried(() => confirmReviewAction(reviewId, tag));
  if (awaiting === 0 && !message) return null;
  return (
    <div className="space-y-2 text-sm">
      {awaiting > 0 ? (
        <>
          <p className="text-conditional-ink">
            {awaiting} carried {awaiting === 1 ? "answer waits" : "answers wait"} for confirmation and {awaiting === 1 ? "does" : "do"} not
            count until confirmed.
          </p>
          <PendingButton type="button" size="sm" variant="secondary" isPending={isPending} pendingLabel="Confirming…" onClick={confirmAll}>
            Confirm all {awaiting} carried {awaiting === 1 ? "answer" : "answers"}
          </PendingButton>
        </>
      ) : null}
      <ConfirmMessageText message={message} messageRef={messageRef} />
    </div>
  );
}
