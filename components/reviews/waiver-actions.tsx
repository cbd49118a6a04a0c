"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { changeWaiverAction, type WaiverDecision } from "@/lib/actions/reviews";

export type WaiverActionsProps = { reviewId: string; waiverId: string; canDecide: boolean; canRevoke: boolean };

const PENDING_LABELS: Record<WaiverDecision, string> = { approve: "Approving…", reject: "Rejecting…", revoke: "Revoking…" };

export function WaiverActions({ reviewId, waiverId, canDecide, canRevoke }: WaiverActionsProps) {
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<WaiverDecision | null>(null);
  const [isPending, startTransition] = useTransition();

  function run(step: WaiverDecision) {
    setError(null);
    setRunning(step);
    startTransition(async () => {
      const result = await changeWaiverAction(reviewId, waiverId, step);
      if (!result.ok) setError(result.message);
      setRunning(null);
    });
  }

  const label = (step: WaiverDecision, text: string) => (isPending && running === step ? PENDING_LABELS[step] : text);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canDecide ? (
        <>
          <Button type="button" size="sm" onClick={() => run("approve")} disabled={isPending}>
            {label("approve", "Approve waiver")}
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={() => run("reject")} disabled={isPending}>
            {label("reject", "Reject waiver")}
          </Button>
        </>
      ) : null}
      {canRevoke ? (
        <Button type="button" size="sm" variant="ghost" onClick={() => run("revoke")} disabled={isPending}>
          {label("revoke", "Revoke waiver")}
        </Button>
      ) : null}
      <span role="status" className="sr-only">
        {isPending && running ? PENDING_LABELS[running] : ""}
      </span>
      {error ? (
        <p role="alert" className="w-full text-sm font-medium text-nogo">
          {error}
        </p>
      ) : null}
    </div>
  );
}
