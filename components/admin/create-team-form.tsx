"use client";

import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTeamAction, type TeamFormState } from "@/lib/actions/admin";
import { FormResult } from "./form-result";

const FIELD_ORDER = ["name", "slug"] as const;

export function CreateTeamForm() {
  const { state, formAction, isPending, onSubmit, formRef, alertRef } = useActionForm<TeamFormState>(createTeamAction, null, {
    focusOrder: FIELD_ORDER,
    resetOnSuccess: true,
  });
  const values = state?.values ?? {};
  const errors = (state && !state.ok ? state.fieldErrors : undefined) ?? {};

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={isPending || undefined}>
      <FormResult state={state} alertRef={alertRef} fields={FIELD_ORDER} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Team name" name="name" required error={errors.name}>
          <Input defaultValue={values.name ?? ""} maxLength={80} autoComplete="off" />
        </Field>
        <Field
          label="Slug"
          name="slug"
          error={errors.slug}
          description="Lowercase words joined by hyphens, like payments-platform; used in links and filters and never changes. Leave blank to make one from the name."
        >
          <Input defaultValue={values.slug ?? ""} maxLength={60} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <SubmitButton disabled={isPending} pendingLabel="Creating…">
        Create team
      </SubmitButton>
    </form>
  );
}
