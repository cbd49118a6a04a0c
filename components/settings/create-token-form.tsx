"use client";

import { Alert } from "@/components/ui/alert";
import { Field, Input, Select } from "@/components/ui/field";
import { PendingButton } from "@/components/reviews/pending-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createApiTokenAction, type CreateTokenState } from "@/lib/actions/api-tokens";
import { addDays } from "@/lib/domain/days";
import { formatDate } from "@/lib/format/dates";
import { DEFAULT_TOKEN_DAYS, defaultTokenExpiry, latestTokenExpiry, MAX_TOKEN_DAYS } from "@/lib/domain/api-tokens";

const FOCUS_ORDER = ["name", "scope", "expiresOn"] as const;

/** Creates a token with a scope and an expiry; the server checks both again and answers with field errors. */
export function CreateTokenForm({ today }: { today: string }) {
  const { state, formAction, isPending, onSubmit, formRef, alertRef } = useActionForm<CreateTokenState>(createApiTokenAction, null, {
    focusOrder: FOCUS_ORDER,
    resetOnSuccess: true,
  });
  const failure = state && !state.ok ? state : null;
  const latest = latestTokenExpiry(today);
  // Every field is required, and each one's errors come back under its own name.
  const requiredField = (name: (typeof FOCUS_ORDER)[number], label: string, description: string) => ({
    name,
    label,
    description,
    required: true,
    error: failure?.fieldErrors?.[name],
  });
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
      {failure && !failure.fieldErrors ? (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert tone="danger">{failure.message}</Alert>
        </div>
      ) : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start"
      >
        <Field {...requiredField("name", "Token name", "Where the token is used, e.g. “deploy pipeline”.")}>
          <Input maxLength={80} autoComplete="off" />
        </Field>
        <Field {...requiredField("scope", "Access", "Read only is enough for reports and checks; changes need read and write.")}>
          <Select defaultValue="READ">
            <option value="READ">Read only</option>
            <option value="WRITE">Read and write</option>
          </Select>
        </Field>
        <Field
          {...requiredField(
            "expiresOn",
            "Expires on",
            `Works through that day (UTC). ${DEFAULT_TOKEN_DAYS} days by default, at most ${MAX_TOKEN_DAYS} (${formatDate(latest)}).`,
          )}
        >
          <Input type="date" defaultValue={defaultTokenExpiry(today)} min={addDays(today, 1) ?? undefined} max={latest} />
        </Field>
        <div className="lg:pt-6">
          <PendingButton type="submit" isPending={isPending} pendingLabel="Creating…">
            Create token
          </PendingButton>
        </div>
      </form>
    </div>
  );
}
