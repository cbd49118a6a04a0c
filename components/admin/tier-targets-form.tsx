"use client";

import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { saveTierTargetsAction, type TierTargetsFormValues } from "@/lib/actions/admin";
import { LEVEL_NAMES, LEVELS, TIERS } from "@/lib/domain/types";
import { TIER_TARGET_FIELDS } from "@/lib/schemas/admin";
import { TIER_WORDS } from "@/lib/domain/words";
import { ActionForm } from "@/components/ui/action-form";
import { useAdminForm } from "./use-admin-form";

const FIELD_ORDER = TIERS.map((tier) => TIER_TARGET_FIELDS[tier]);

export function TierTargetsForm({ initialValues }: { initialValues: TierTargetsFormValues }) {
  const { form, values, errors, notice } = useAdminForm(saveTierTargetsAction, initialValues, { fields: FIELD_ORDER });

  return (
    <ActionForm {...form} notice={notice} className="space-y-6">
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
      <SubmitButton disabled={form.isPending}>Save tier targets</SubmitButton>
    </ActionForm>
  );
}
