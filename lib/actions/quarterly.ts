"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionFailure } from "@/lib/actions/result";
import { currentRequestId, requireActionViewer } from "@/lib/auth/viewer";
import { recordMeetingOutcome, type MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import { isAppError } from "@/lib/errors";
import type { MeetingOutcomePayload } from "@/lib/schemas/quarterly";

// A thin door into lib/db: authenticate, hand over the raw input (lib/db parses it with the shared schema),
// revalidate the meeting's pages and return a typed result instead of throwing.

/** A conflict carries the outcome as it is now, so the form can show who recorded what and offer a reload. */
export type RecordOutcomeResult = { ok: true; data: MeetingOutcomeDto } | (ActionFailure & { current?: MeetingOutcomeDto | null });

export async function recordMeetingOutcomeAction(
  quarter: string,
  serviceId: string,
  input: MeetingOutcomePayload,
): Promise<RecordOutcomeResult> {
  try {
    const viewer = await requireActionViewer();
    const outcome = await recordMeetingOutcome({ viewer, requestId: await currentRequestId() }, quarter, serviceId, input);
    // "layout" covers the agenda, presenter mode, the printable agenda and the minutes of this quarter.
    revalidatePath(`/quarterly/${quarter}`, "layout");
    return { ok: true, data: outcome };
  } catch (error) {
    const failure = toActionError(error);
    if (isAppError(error) && error.code === "CONFLICT" && error.details && "current" in error.details) {
      return { ...failure, current: (error.details.current as MeetingOutcomeDto | null) ?? null };
    }
    return failure;
  }
}
