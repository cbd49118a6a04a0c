"use client";

import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { renameTeamAction, type TeamFormState, type TeamFormValues } from "@/lib/actions/admin";
import { FormResult } from "./form-result";
import { TextLink } from "@/components/ui/text-link";

const FIELD_ORDER = ["name"] as const;

export function RenameTeamForm({ initialValues }: { initialValues: TeamFormValues }) {
  const { state, formAction, isPending, onSubmit, alertRef } = useActionForm<TeamFormState>(renameTeamAction, null, {
    focusOrder: FIELD_ORDER,
  });
  const values = state?.values ?? initialValues;
  const errors = (state && !state.ok ? state.fieldErrors : undefined) ?? {};

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={isPending || undefined}>
      <FormResult state={state} alertRef={alertRef} fields={FIELD_ORDER} />
      <input type="hidden" name="id" value={values.id ?? ""} />
      <Field label="Team name" name="name" required error={errors.name} className="max-w-md">
        <Input defaultValue={values.name ?? ""} maxLength={80} autoComplete="off" />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton disabled={isPending}>Save name</SubmitButton>
        <TextLink href="/admin/teams" className="text-sm font-medium">
          Back to teams
        </TextLink>
      </div>
    </form>
  );
}
