"use client";

import { useActionState } from "react";
import { createApiTokenAction, type CreateTokenState } from "@/lib/actions/api-tokens";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";

export function CreateTokenForm() {
  const [state, action] = useActionState<CreateTokenState, FormData>(createApiTokenAction, null);
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <Alert tone="success" title={`Token “${state.data.name}” created`}>
          <p>Copy it now: it is shown only once and cannot be recovered.</p>
          <label htmlFor="new-token" className="mt-2 block text-sm font-medium">
            Your new token
          </label>
          <input
            id="new-token"
            readOnly
            value={state.data.token}
            className="mt-1 w-full rounded-md border border-line-strong bg-surface px-3 py-2 font-mono text-sm"
            onFocus={(e) => e.currentTarget.select()}
          />
        </Alert>
      ) : null}
      {state && !state.ok && !state.fieldErrors ? <Alert tone="danger">{state.message}</Alert> : null}
      <form action={action} className="flex flex-wrap items-end gap-3">
        <Field
          label="Token name"
          name="name"
          required
          error={state && !state.ok ? state.fieldErrors?.name : undefined}
          className="min-w-64 flex-1"
          description="Where the token is used, e.g. “deploy pipeline”."
        >
          <Input maxLength={80} />
        </Field>
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </form>
    </div>
  );
}
