"use client";

import { Field, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUserAction, type UserFormState } from "@/lib/actions/admin";
import { FormResult } from "./form-result";
import { RoleField, TeamCheckboxes, type TeamOption } from "./user-fields";

const FIELD_ORDER = ["email", "name", "role", "teamIds"] as const;

export function InviteUserForm({ teams }: { teams: readonly TeamOption[] }) {
  const { state, formAction, isPending, onSubmit, formRef, alertRef } = useActionForm<UserFormState>(createUserAction, null, {
    focusOrder: FIELD_ORDER,
    resetOnSuccess: true,
  });
  // A success comes back with empty values, so the cleared form starts over from the defaults.
  const values = state?.values ?? {};
  const errors = (state && !state.ok ? state.fieldErrors : undefined) ?? {};

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={isPending || undefined}>
      <FormResult state={state} alertRef={alertRef} fields={FIELD_ORDER} />
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
        <SubmitButton disabled={isPending} pendingLabel="Inviting…">
          Invite user
        </SubmitButton>
      </div>
    </form>
  );
}
