"use client";

import { useActionForm } from "@/components/ui/use-action-form";
import type { AdminFormState } from "@/lib/actions/admin";
import { FormResult } from "./form-result";

export type AdminFormOptions = {
  /** Field names in visual order: focus goes to the first with an error; errors on other fields go in the notice. */
  fields: readonly string[];
  /** Clears the form after a success, for forms that add one thing after another. */
  resetOnSuccess?: boolean;
  /** Offered as a reload link when someone else saved first. */
  reloadHref?: string;
};

/**
 * An admin form's state: what to show in each field (what was sent back, else the initial values), the field
 * errors, and the notice above the form saying what was saved or why nothing was.
 */
export function useAdminForm<Values>(
  action: (previous: AdminFormState<Values>, data: FormData) => Promise<AdminFormState<Values>>,
  initialValues: NoInfer<Partial<Values>>,
  { fields, resetOnSuccess = false, reloadHref }: AdminFormOptions,
) {
  const form = useActionForm<AdminFormState<Values>>(action, null, { focusOrder: fields, resetOnSuccess });
  const { state, alertRef } = form;
  const values: Partial<Values> = state?.values ?? initialValues;
  const errors: Record<string, string[] | undefined> = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  const notice = <FormResult state={state} alertRef={alertRef} fields={fields} reloadHref={reloadHref} />;
  return { form, values, errors, notice };
}

/** A form that adds one thing after another: it starts empty and clears itself after each success. */
export function useAdminCreateForm<Values>(
  action: (previous: AdminFormState<Values>, data: FormData) => Promise<AdminFormState<Values>>,
  fields: readonly string[],
) {
  return useAdminForm<Values>(action, {}, { fields, resetOnSuccess: true });
}
