import { z } from "zod";

// The personal API token forms (Settings → API tokens).

export const apiTokenCreateInput = z.object({
  name: z.string().trim().min(2, "Give the token a name of at least 2 characters").max(80, "Keep the name under 80 characters"),
});

export const apiTokenRevokeInput = z.object({ id: z.uuid("Unknown token") });
