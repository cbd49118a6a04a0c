"use client";

import { fieldId } from "@/components/ui/field";
import { updateUserAction, type UserFormValues } from "@/lib/actions/admin";
import { RoleField, TeamCheckboxes } from "./user-fields";
import type { TeamRef } from "@/lib/domain/types";
import { ActionForm } from "@/components/ui/action-form";
import { useAdminForm } from "./use-admin-form";
import { SaveOrBack } from "./save-or-back";

// Visual order, so focus lands on the first problem a person would meet reading down the form.
const FIELD_ORDER = ["role", "teamIds", "disabled"] as const;

export type EditUserFormProps = {
  teams: readonly TeamRef[];
  /** The stored user, including the version (updatedAt) the save must be based on. */
  initialValues: UserFormValues;
  reloadHref: string;
  isSelf: boolean;
};

export function EditUserForm({ teams, initialValues, reloadHref, isSelf }: EditUserFormProps) {
  const { form, values, errors, notice } = useAdminForm(updateUserAction, initialValues, { fields: FIELD_ORDER, reloadHref });
  const disabledId = fieldId("disabled");
  const disabledError = errors.disabled?.length ? `${disabledId}-error` : undefined;

  return (
    <ActionForm {...form} notice={notice} hiddenFields={{ id: values.id ?? "" }} className="space-y-6">
      {/* Controlled: after a save it moves to the new version, so the next save builds on this one. */}
      <input type="hidden" name="expectedUpdatedAt" value={values.expectedUpdatedAt ?? ""} />

      {isSelf ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-ink-muted">
          This is your own account: you can change your teams, but another admin has to change your role or disable you.
        </p>
      ) : null}

      <RoleField value={values.role ?? "VIEWER"} error={errors.role} />
      <TeamCheckboxes teams={teams} selected={values.teamIds ?? []} error={errors.teamIds} />

      <fieldset className="space-y-2" aria-describedby={[`${disabledId}-description`, disabledError].filter(Boolean).join(" ")}>
        <legend className="text-sm font-medium text-ink">Access</legend>
        <p id={`${disabledId}-description`} className="text-sm text-ink-muted">
          A disabled account cannot sign in or use its API tokens. Its reviews, decisions and audit history stay.
        </p>
        <label htmlFor={disabledId} className="flex min-h-9 cursor-pointer items-center gap-2 text-sm">
          <input
            id={disabledId}
            type="checkbox"
            name="disabled"
            defaultChecked={values.disabled ?? false}
            aria-invalid={disabledError ? true : undefined}
            className="size-4 accent-brand-600"
          />
          Account disabled
        </label>
        {disabledError ? (
          <p id={disabledError} className="text-sm font-medium text-nogo">
            {errors.disabled?.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <SaveOrBack
        pending={form.isPending}
        saveLabel="Save changes"
        backHref="/admin/users"
        backLabel="Back to users"
        className="border-t border-line pt-6"
      />
    </ActionForm>
  );
}
