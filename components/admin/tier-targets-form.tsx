"use client";

import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveTierTargetsAction, type TierTargetsFormState, type TierTargetsFormValues } from "@/lib/actions/admin";
import { LEVEL_NAMES, LEVELS, TIERS } from "@/lib/domain/types";
import { TIER_TARGET_FIELDS } from "@/lib/schemas/admin";
import { FormResult } from "./form-result";
import { TIER_WORDS } from "@/lib/domain/words";

const FIELD_ORDER = TIERS.map((tier) => TIER_TARGET_FIELDS[tier]);

export function TierTargetsForm({ initialValues }: { initialValues: TierTargetsFormValues }) {
  const { state, formAction, isPending, onSubmit, alertRef } = useActionForm<TierTargetsFormState>(saveTierTargetsAction, null, {
    focusOrder: FIELD_ORDER,
  });
  const values = state?.values ?? initialValues;
  const errors = (state && !state.ok ? state.fieldErrors : undefined) ?? {};

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={isPending || undefined}>
      <FormResult state={state} alertRef={alertRef} fields={FIELD_ORDER} />
      <div className="grid gap-6 md:grid-cols-3">
        {TIERS.map((tier) => {
          const name = TIER_TARGET_FIELDS[tier];
          return (
            <Field key={tier} label={`${TIER_WORDS[tier]} target`} name={name} required error={errors[name]}>
              <Select defaultValue={values[name] ?? ""}>
                {LEVELS.map((level) => (
                  <option key={level} value={String(level)}>
                    L{level} {LEVEL_NAMES[level]}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      <SubmitButton disabled={isPending}>Save tier targets</SubmitButton>
    </form>
  );
}
