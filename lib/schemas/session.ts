import { z } from "zod";

// "Sign out everywhere" (Settings → Sessions, and an admin's user page).

export const endSessionsInput = z.object({ userId: z.uuid("Unknown user") });
