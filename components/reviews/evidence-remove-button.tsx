"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { removeEvidenceAction } from "@/lib/actions/reviews";

export function EvidenceRemoveButton({ reviewId, evidenceId, title }: { reviewId: string; evidenceId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-sm text-nogo">
          {error}
        </span>
      ) : null}
      <Button
        type="button"
        variant="ghost"
        size="sm"
        disabled={isPending}
        aria-label={`Remove evidence “${title}”`}
        onClick={() =>
          startTransition(async () => {
            const result = await removeEvidenceAction(reviewId, evidenceId);
            setError(result.ok ? null : result.message);
          })
        }
      >
        {isPending ? "Removing…" : "Remove"}
      </Button>
    </div>
  );
}
