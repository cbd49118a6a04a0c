"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentRequestId, requireActionViewer } from "@/lib/auth/viewer";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { actionOk, toActionError, zodFailure, type ActionResult } from "@/lib/actions/result";

const createSchema = z.object({
  name: z.string().trim().min(2, "Give the token a name of at least 2 characters").max(80, "Keep the name under 80 characters"),
});
const revokeSchema = z.object({ id: z.uuid("Unknown token") });

export type CreateTokenState = ActionResult<{ token: string; name: string }> | null;

export async function createApiTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  try {
    const viewer = await requireActionViewer();
    const parsed = createSchema.safeParse({ name: formData.get("name") });
    if (!parsed.success) return zodFailure(parsed.error);
    const { token, record } = await createApiToken({ viewer, requestId: await currentRequestId() }, parsed.data.name);
    revalidatePath("/settings/tokens");
    return actionOk({ token, name: record.name });
  } catch (error) {
    return toActionError(error);
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    const parsed = revokeSchema.safeParse({ id: formData.get("id") });
    if (!parsed.success) return zodFailure(parsed.error);
    await revokeApiToken({ viewer, requestId: await currentRequestId() }, parsed.data.id);
    revalidatePath("/settings/tokens");
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}
