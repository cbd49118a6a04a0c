"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { withCurrent, type FailureWithCurrent } from "@/lib/actions/result";
import { recordMeetingOutcome, type MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import { quarterlyHref } from "@/lib/routes";
import { meetingOutcomeInput, type MeetingOutcomePayload } from "@/lib/schemas/quarterly";

/** A conflict carries the outcome as it is now, so the form can show who recorded what and offer a reload. */
export type RecordOutcomeResult = { ok: true; data: MeetingOutcomeDto } | FailureWithCurrent<MeetingOutcomeDto>;

export const recordMeetingOutcomeAction = defineAction({
  name: "recordMeetingOutcome",
  input: (_quarter: string, _serviceId: string, outcome: MeetingOutcomePayload) => outcome,
  schema: meetingOutcomeInput,
  handler: async (outcome, ctx, quarter, serviceId): Promise<RecordOutcomeResult> => {
    const recorded = await recordMeetingOutcome(ctx, quarter, serviceId, outcome);
    // "layout" covers the agenda, presenter mode, the printable agenda and the minutes of this quarter.
    revalidatePath(quarterlyHref(quarter, ""), "layout");
    return { ok: true, data: recorded };
  },
  failure: withCurrent<MeetingOutcomeDto>,
});
