"use client";

import { useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reopenReviewAction, submitReviewAction } from "@/lib/actions/reviews";

export type SignOffControlsProps = {
  reviewId: string;
  version: number;
  teamName: string;
  mode: "submit" | "reopen";
  /** Items still unanswered: submitting is allowed, but the owner should know. */
  unanswered: number;
};

/** The owner's sign-off (submit for decision) or, before a decision, taking the review back to draft. */
export function SignOffControls({ reviewId, version, teamName, mode, unanswered }: SignOffControlsProps) {
  const [isConfirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const confirmId = useId();

  function run() {
    setError(null);
    startTransition(async () => {
      const result = mode === "submit" ? await submitReviewAction(reviewId, version) : await reopenReviewAction(reviewId, version);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div className="space-y-3">
      {error ? (
        <Alert tone="danger" title={mode === "submit" ? "The review was not submitted" : "The review was not reopened"}>
          {error}
        </Alert>
      ) : null}
      {mode === "submit" ? (
        <>
          {unanswered > 0 ? (
            <p className="text-sm text-ink-muted">
              {unanswered} applicable {unanswered === 1 ? "item is" : "items are"} still unanswered; they count as not met.
            </p>
          ) : null}
          <div className="flex items-start gap-2">
            <input
              id={confirmId}
              type="checkbox"
              checked={isConfirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
              className="mt-1 size-4 rounded border-line-strong"
            />
            <label htmlFor={confirmId} className="text-sm text-ink">
              As an editor of {teamName}, I sign these answers as the service owner and submit them for a decision.
            </label>
          </div>
          <Button type="button" onClick={run} disabled={!isConfirmed || isPending} aria-busy={isPending || undefined}>
            {isPending ? "Submitting…" : "Sign and submit for decision"}
          </Button>
        </>
      ) : (
        <>
          <p className="text-sm text-ink-muted">Reopening returns the review to draft so the team can change answers.</p>
          <Button type="button" variant="secondary" onClick={run} disabled={isPending} aria-busy={isPending || undefined}>
            {isPending ? "Reopening…" : "Reopen as draft"}
          </Button>
        </>
      )}
      <span role="status" className="sr-only">
        {isPending ? (mode === "submit" ? "Submitting" : "Reopening") : ""}
      </span>
    </div>
  );
}
