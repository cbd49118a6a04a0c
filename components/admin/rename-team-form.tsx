"use client";

import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { renameTeamAction, type TeamFormValues } from "@/lib/actions/admin";
import { TextLink } from "@/components/ui/text-link";
import { ActionForm } from "@/components/ui/action-form";
import { useAdminForm } from "./use-admin-form";

const FIELD_ORDER = ["name"] as const;

export function RenameTeamForm({ initialValues }: { initialValues: TeamFormValues }) {
  const { form, values, errors, notice } = useAdminForm(renameTeamAction, initialValues, { fields: FIELD_ORDER });

  return (
    <ActionForm {...form} notice={notice} className="space-y-4" hiddenFields={{ id: values.id ?? "" }}>
      <Field label="Team name" name="name" required error={errors.name} className="max-w-md">
        <Input defaultValue={values.name ?? ""} maxLength={80} autoComplete="off" />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton disabled={form.isPending}>Save name</SubmitButton>
        <TextLink href="/admin/teams" className="text-sm font-medium">
          Back to teams
        </TextLink>
      </div>
    </ActionForm>
  );
}
