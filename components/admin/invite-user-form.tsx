"use client";

import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { createUserAction, type UserFormValues } from "@/lib/actions/admin";
import { RoleField, TeamCheckboxes } from "./user-fields";
import type { TeamRef } from "@/lib/domain/types";
import { ActionForm } from "@/components/ui/action-form";
import { useAdminCreateForm } from "./use-admin-form";

const FIELD_ORDER = ["email", "name", "role", "teamIds"] as const;

export function InviteUserForm({ teams }: { teams: readonly TeamRef[] }) {
  const { form, values, errors, notice } = useAdminCreateForm<UserFormValues>(createUserAction, FIELD_ORDER);
  // A success comes back with empty values, so the cleared form starts over from the defaults.

  return (
    <ActionForm {...form} notice={notice} className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        <Field
          label="Email"
          name="email"
          required
          error={errors.email}
          description="The address their single sign-on account uses: it is matched on their first sign-in."
        >
          <Input type="email" defaultValue={values.email ?? ""} maxLength={254} autoComplete="off" spellCheck={false} />
        </Field>
        <Field
          label="Name"
          name="name"
          required
          error={errors.name}
          description="Replaced by the name from single sign-on when they sign in."
        >
          <Input defaultValue={values.name ?? ""} maxLength={80} autoComplete="off" />
        </Field>
      </div>
      <RoleField value={values.role ?? "VIEWER"} error={errors.role} />
      <TeamCheckboxes teams={teams} selected={values.teamIds ?? []} error={errors.teamIds} />
      <div className="border-t border-line pt-6">
        <SubmitButton disabled={form.isPending} pendingLabel="Inviting…">
          Invite user
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
