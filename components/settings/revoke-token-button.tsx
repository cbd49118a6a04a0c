"use client";

import { useState, useTransition } from "react";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { Button } from "@/components/ui/button";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      <Button
        type="button"
        variant="danger"
        size="sm"
        disabled={pending}
        aria-label={`Revoke token ${name}`}
        onClick={() => {
          if (!window.confirm(`Revoke “${name}”? Anything using it stops working immediately.`)) return;
          const form = new FormData();
          form.set("id", id);
          start(async () => {
            const result = await revokeApiTokenAction(form);
            setError(result.ok ? null : result.message);
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {error ? <span className="text-sm text-nogo-ink">{error}</span> : null}
    </div>
  );
}
