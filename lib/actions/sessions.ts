"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { formFields } from "@/lib/actions/form-data";
import { actionOk } from "@/lib/actions/result";
import { endAllSessions } from "@/lib/db/users";
import { adminUserHref, SIGN_IN_PATH } from "@/lib/routes";
import { endSessionsInput } from "@/lib/schemas/session";

/** "Sign out everywhere", for yourself (you land on sign-in) or, as an admin, for someone else. */
export const endSessionsAction = defineAction({
  name: "endSessions",
  input: (formData: FormData) => formFields(formData),
  schema: endSessionsInput,
  handler: async ({ userId }, ctx) => {
    await endAllSessions(ctx, userId);
    // This browser's session ended with all the others.
    if (userId === ctx.viewer.id) redirect(SIGN_IN_PATH);
    revalidatePath(adminUserHref(userId));
    return actionOk();
  },
});
