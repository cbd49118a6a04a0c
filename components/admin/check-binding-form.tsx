"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { ActionForm } from "@/components/ui/action-form";
import { saveCheckBindingAction, type CheckBindingFormValues } from "@/lib/actions/admin";
import { CHECK_KIND_WORDS } from "@/lib/domain/words";
import { CHECK_KINDS } from "@/lib/domain/checks";
import { useAdminCreateForm } from "./use-admin-form";

const FIELDS = ["itemKey", "kind", "validForMinutes", "timeoutMs"] as const;

export type CheckableItem = { key: string; title: string; concernTitle: string };

/** Binds a checklist item to an automated check, or changes the check it is bound to. */
export function CheckBindingForm({ items }: { items: readonly CheckableItem[] }) {
  const { form, values, errors, notice } = useAdminCreateForm<CheckBindingFormValues>(saveCheckBindingAction, FIELDS);
  const concerns = [...new Set(items.map((item) => item.concernTitle))];
  return (
    <ActionForm {...form} notice={notice} className="space-y-6">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-2">
        <Field label="Checklist item" name="itemKey" required error={errors.itemKey} className="md:col-span-2">
          <Select defaultValue={values.itemKey ?? ""}>
            <option value="">Choose an item</option>
            {concerns.map((concern) => (
              <optgroup key={concern} label={concern}>
                {items
                  .filter((item) => item.concernTitle === concern)
                  .map((item) => (
                    <option key={item.key} value={item.key}>
                      {item.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label="Check" name="kind" required error={errors.kind} description="A probe reads each service's health check URL.">
          <Select defaultValue={values.kind ?? "HTTP_PROBE"}>
            {CHECK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHECK_KIND_WORDS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="A result counts for (minutes)" name="validForMinutes" required error={errors.validForMinutes}>
          <Input type="number" inputMode="numeric" min={5} max={525600} defaultValue={values.validForMinutes ?? "1440"} />
        </Field>
        <Field label="Probe timeout (ms)" name="timeoutMs" required error={errors.timeoutMs}>
          <Input type="number" inputMode="numeric" min={100} max={30000} defaultValue={values.timeoutMs ?? "5000"} />
        </Field>
      </div>
      <SubmitButton disabled={form.isPending}>Save binding</SubmitButton>
    </ActionForm>
  );
}
