"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { endSessionsAction } from "@/lib/actions/sessions";

export type EndSessionsButtonProps = {
  userId: string;
  /** Whose sessions, in the confirmation: "your" or the person's name. */
  whose: string;
};

/** Ends every session of one account after a confirmation; API tokens are not affected. */
export function EndSessionsButton({ userId, whose }: EndSessionsButtonProps) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`End ${whose} sessions in every browser? Signing in again starts a new one.`)) return;
          const form = new FormData();
          form.set("userId", userId);
          start(async () => {
            const outcome = await endSessionsAction(form);
            setResult(outcome.ok ? { ok: true, message: "Signed out everywhere." } : { ok: false, message: outcome.message });
          });
        }}
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
      <span role="status" className={result?.ok ? "text-sm text-go-ink" : "text-sm text-nogo-ink"}>
        {result?.message ?? ""}
      </span>
    </div>
  );
}
