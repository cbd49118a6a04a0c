"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { formFields } from "@/lib/actions/form-data";
import { actionOk, type ActionResult } from "@/lib/actions/result";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { API_TOKENS_PATH } from "@/lib/routes";
import { apiTokenCreateInput, apiTokenRevokeInput } from "@/lib/schemas/api-token";

export type CreateTokenState = ActionResult<{ token: string; name: string }> | null;

export const createApiTokenAction = defineAction({
  name: "createApiToken",
  input: (_prev: CreateTokenState, formData: FormData) => formFields(formData),
  schema: apiTokenCreateInput,
  handler: async (input, ctx) => {
    const { token, record } = await createApiToken(ctx, input);
    revalidatePath(API_TOKENS_PATH);
    return actionOk({ token, name: record.name });
  },
});

export const revokeApiTokenAction = defineAction({
  name: "revokeApiToken",
  input: (formData: FormData) => formFields(formData),
  schema: apiTokenRevokeInput,
  handler: async ({ id }, ctx) => {
    await revokeApiToken(ctx, id);
    revalidatePath(API_TOKENS_PATH);
    return actionOk();
  },
});
