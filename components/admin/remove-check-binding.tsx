"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/form-status";
import { removeCheckBindingAction, type CheckBindingFormValues } from "@/lib/actions/admin";
import { useAdminForm } from "./use-admin-form";

export function RemoveCheckBinding({ itemKey, itemTitle }: { itemKey: string; itemTitle: string }) {
  const { form, notice } = useAdminForm<CheckBindingFormValues>(removeCheckBindingAction, { itemKey }, { fields: ["itemKey"] });
  return (
    <ActionForm {...form} notice={notice}>
      <input type="hidden" name="itemKey" value={itemKey} />
      <SubmitButton variant="secondary" size="sm" disabled={form.isPending} aria-label={`Stop checking “${itemTitle}” automatically`}>
        Remove
      </SubmitButton>
    </ActionForm>
  );
}
