import { z } from "zod";
import { API_TOKEN_SCOPES } from "@/lib/domain/api-tokens";
import { parseIsoDay } from "@/lib/domain/days";

// The personal API token forms (Settings → API tokens). The expiry's window (after today, at most a year) is
// checked by lib/db against the server's today, like a waiver's.

export const apiTokenCreateInput = z.object({
  name: z.string().trim().min(2, "Give the token a name of at least 2 characters").max(80, "Keep the name under 80 characters"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose read only or read and write" }),
  expiresOn: z
    .string({ error: "Choose an expiry date" })
    .trim()
    .refine((value) => parseIsoDay(value) !== null, "Enter the expiry date as a valid date (YYYY-MM-DD)"),
});
export type ApiTokenCreateInput = z.output<typeof apiTokenCreateInput>;

export const apiTokenRevokeInput = z.object({ id: z.uuid("Unknown token") });
