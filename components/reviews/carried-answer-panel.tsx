"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { confirmAnswerAction } from "@/lib/actions/reviews";
import { PendingButton } from "./pending-button";

export type CarriedAnswerPanelProps = {
  reviewId: string;
  itemKey: string;
  itemTitle: string;
  /** The answer's version as the page shows it: confirming a newer one is refused. */
  version: number;
  origin: string;
  /** "Confirmed by … , …", or null while the answer waits. */
  confirmation: string | null;
  canEdit: boolean;
};

/** The "carried — confirm" badge and its Confirm button; after confirming, focus stays on what it says now. */
export function CarriedAnswerPanel({ reviewId, itemKey, itemTitle, version, origin, confirmation, canEdit }: CarriedAnswerPanelProps) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const confirmedHere = useRef(false);

  // The button goes away once the refreshed page says "Confirmed"; focus moves there instead of to the page's start.
  useEffect(() => {
    if (confirmation && confirmedHere.current) {
      confirmedHere.current = false;
      statusRef.current?.focus();
    }
  }, [confirmation]);

  const confirm = () => {
    setError(null);
    startTransition(async () => {
      const result = await confirmAnswerAction(reviewId, itemKey, version);
      if (result.ok) confirmedHere.current = true;
      else setError(result.message);
    });
  };

  if (confirmation) {
    return (
      <div className="space-y-1 text-sm text-ink-muted">
        <p>{origin}</p>
        <p ref={statusRef} tabIndex={-1} className="outline-none">
          {confirmation}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-conditional-soft p-3 text-sm text-conditional-ink">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="warning">Carried — confirm</Badge>
        <span>Does not count toward the level until someone confirms it still holds or changes its status.</span>
      </div>
      <p ref={statusRef} tabIndex={-1} className="outline-none">
        {origin}
      </p>
      {canEdit ? (
        <PendingButton
          type="button"
          size="sm"
          variant="secondary"
          isPending={isPending}
          pendingLabel="Confirming…"
          onClick={confirm}
          aria-label={`Confirm the carried answer to "${itemTitle}"`}
        >
          Confirm
        </PendingButton>
      ) : null}
      {error ? (
        <p role="alert" className="font-medium text-nogo-ink">
          {error}
        </p>
      ) : null}
    </div>
  );
}
