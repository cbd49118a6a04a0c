"use client";

import { Field, Input } from "@/components/ui/field";
import { renameTeamAction, type TeamFormValues } from "@/lib/actions/admin";
import { ActionForm } from "@/components/ui/action-form";
import { useAdminForm } from "./use-admin-form";
import { SaveOrBack } from "./save-or-back";

const FIELD_ORDER = ["name"] as const;

export function RenameTeamForm({ initialValues }: { initialValues: TeamFormValues }) {
  const { form, values, errors, notice } = useAdminForm(renameTeamAction, initialValues, { fields: FIELD_ORDER });

  return (
    <ActionForm {...form} notice={notice} className="space-y-4" hiddenFields={{ id: values.id ?? "" }}>
      <Field label="Team name" name="name" required error={errors.name} className="max-w-md">
        <Input defaultValue={values.name ?? ""} maxLength={80} autoComplete="off" />
      </Field>
      <SaveOrBack pending={form.isPending} saveLabel="Save name" backHref="/admin/teams" backLabel="Back to teams" />
    </ActionForm>
  );
}
