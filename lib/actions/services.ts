"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionError, zodFailure, type ActionFailure } from "@/lib/actions/result";
import { currentRequestId, requireActionViewer } from "@/lib/auth/viewer";
import { createService, updateService } from "@/lib/db/services";
import { serviceInput, serviceUpdateInput } from "@/lib/schemas/service";

// Thin doors for the service form: authenticate, parse, call lib/db (which authorizes), then revalidate and
// redirect. A failure comes back with everything the person typed, so the form can show it again.

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
  "onCall",
] as const;

export type ServiceFormField = (typeof FORM_FIELDS)[number];
export type ServiceFormValues = Partial<Record<ServiceFormField, string>>;
/** null before the first submit; a success never comes back because it redirects. */
export type ServiceFormState = (ActionFailure & { values: ServiceFormValues }) | null;

function readValues(formData: FormData): ServiceFormValues {
  const values: ServiceFormValues = {};
  for (const field of FORM_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

export async function createServiceAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  const values = readValues(formData);
  let slug: string;
  try {
    const viewer = await requireActionViewer();
    const parsed = serviceInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    const created = await createService({ viewer, requestId: await currentRequestId() }, parsed.data);
    slug = created.slug;
  } catch (error) {
    return { ...toActionError(error), values };
  }
  revalidatePath("/services", "layout");
  redirect(`/services/${slug}`);
}

export async function updateServiceAction(_previous: ServiceFormState, formData: FormData): Promise<ServiceFormState> {
  const values = readValues(formData);
  let slug: string;
  try {
    const viewer = await requireActionViewer();
    const parsed = serviceUpdateInput.safeParse(values);
    if (!parsed.success) return { ...zodFailure(parsed.error), values };
    const updated = await updateService({ viewer, requestId: await currentRequestId() }, parsed.data.id, parsed.data);
    slug = updated.slug;
  } catch (error) {
    return { ...toActionError(error), values };
  }
  // The slug may have changed, so every page under /services is refreshed, not only the new one.
  revalidatePath("/services", "layout");
  redirect(`/services/${slug}`);
}
