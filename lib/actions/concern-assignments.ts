"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { formFields } from "@/lib/actions/form-data";
import type { ActionResult } from "@/lib/actions/result";
import { setConcernAssignment, type SavedConcernAssignment } from "@/lib/db/concern-assignments";
import { reviewHref } from "@/lib/routes";
import { concernAssignmentForm } from "@/lib/schemas/concern-assignment";

// The concern page's "assigned to … · status" form. lib/db checks the person's rights, the review's state, the
// assignee's team and the version; the ids come from hidden fields like every review form's.

export type ConcernAssignmentState = ActionResult<SavedConcernAssignment> | null;

export const saveConcernAssignmentAction = defineAction({
  name: "saveConcernAssignment",
  input: (_prev: ConcernAssignmentState, formData: FormData) => formFields(formData),
  schema: concernAssignmentForm,
  handler: async ({ reviewId, concernKey, ...input }, ctx): Promise<ConcernAssignmentState> => {
    const saved = await setConcernAssignment(ctx, reviewId, concernKey, input);
    // "layout": the overview's table and every concern page below the review show the assignment.
    revalidatePath(reviewHref(reviewId), "layout");
    return { ok: true, data: saved };
  },
});
