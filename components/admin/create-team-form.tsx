"use client";

import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { createTeamAction, type TeamFormValues } from "@/lib/actions/admin";
import { ActionForm } from "@/components/ui/action-form";
import { useAdminCreateForm } from "./use-admin-form";

const FIELD_ORDER = ["name", "slug"] as const;

export function CreateTeamForm() {
  const { form, values, errors, notice } = useAdminCreateForm<TeamFormValues>(createTeamAction, FIELD_ORDER);

  return (
    <ActionForm {...form} notice={notice} className="space-y-4">
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
      <SubmitButton disabled={form.isPending} pendingLabel="Creating…">
        Create team
      </SubmitButton>
    </ActionForm>
  );
}
