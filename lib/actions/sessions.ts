"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionOk, toActionError, zodFailure, type ActionResult } from "@/lib/actions/result";
import { currentRequestId, requireActionViewer } from "@/lib/auth/viewer";
import { endAllSessions } from "@/lib/db/users";

const endSessionsInput = z.object({ userId: z.uuid("Unknown user") });

/** "Sign out everywhere", for yourself (you land on sign-in) or, as an admin, for someone else. */
export async function endSessionsAction(formData: FormData): Promise<ActionResult> {
  let isSelf = false;
  try {
    const viewer = await requireActionViewer();
    const parsed = endSessionsInput.safeParse({ userId: formData.get("userId") });
    if (!parsed.success) return zodFailure(parsed.error);
    await endAllSessions({ viewer, requestId: await currentRequestId() }, parsed.data.userId);
    isSelf = parsed.data.userId === viewer.id;
    if (!isSelf) revalidatePath(`/admin/users/${parsed.data.userId}`);
  } catch (error) {
    return toActionError(error);
  }
  // This browser's session ended with all the others.
  if (isSelf) redirect("/signin");
  return actionOk();
}
