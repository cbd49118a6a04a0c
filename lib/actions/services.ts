"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { formText } from "@/lib/actions/form-data";
import type { ActionFailure } from "@/lib/actions/result";
import { createService, updateService } from "@/lib/db/services";
import { serviceHref, SERVICES_PATH } from "@/lib/routes";
import { serviceInput, serviceUpdateInput } from "@/lib/schemas/service";

// The service form's actions: lib/db (which authorizes) saves the parsed form, then the action revalidates and
// redirects. A failure comes back with everything the person typed, so the form can show it again.

const FORM_FIELDS = [
  "id",
  "version",
  "name",
  "slug",
  "description",
  "teamId",
  "tier",
  "lifecycle",
  "repositoryUrl",
  "runbookUrl",
  "dashboardUrl",
  "healthUrl",
  "onCall",
] as const;

export type ServiceFormField = (typeof FORM_FIELDS)[number];
export type ServiceFormValues = Partial<Record<ServiceFormField, string>>;
/** null before the first submit; a success never comes back because it redirects. */
export type ServiceFormState = (ActionFailure & { values: ServiceFormValues }) | null;

function readValues(formData: FormData): ServiceFormValues {
  const values: ServiceFormValues = {};
  for (const field of FORM_FIELDS) {
    const value = formText(formData, field);
    if (value !== undefined) values[field] = value;
  }
  return values;
}

const keepValues = (failure: ActionFailure, { raw }: { raw: ServiceFormValues }): ServiceFormState => ({ ...failure, values: raw });

export const createServiceAction = defineAction({
  name: "createService",
  input: (_previous: ServiceFormState, formData: FormData) => readValues(formData),
  schema: serviceInput,
  handler: async (input, ctx): Promise<never> => {
    const created = await createService(ctx, input);
    revalidatePath(SERVICES_PATH, "layout");
    redirect(serviceHref(created.slug));
  },
  failure: keepValues,
});

export const updateServiceAction = defineAction({
  name: "updateService",
  input: (_previous: ServiceFormState, formData: FormData) => readValues(formData),
  schema: serviceUpdateInput,
  handler: async (input, ctx): Promise<never> => {
    const updated = await updateService(ctx, input.id, input);
    // The slug may have changed, so every page under /services is refreshed, not only the new one.
    revalidatePath(SERVICES_PATH, "layout");
    redirect(serviceHref(updated.slug));
  },
  failure: keepValues,
});
