"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionOk, toActionError, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import { currentRequestId, requireActionViewer } from "@/lib/auth/viewer";
import { setAnswer } from "@/lib/db/answers";
import type { AuditContext } from "@/lib/db/audit";
import { decideReview, reopenReview, submitReview } from "@/lib/db/decisions";
import { addEvidence, removeEvidence } from "@/lib/db/evidence";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { startReview } from "@/lib/db/reviews";
import { approveWaiver, rejectWaiver, requestWaiver, revokeWaiver } from "@/lib/db/waivers";
import { AppError, isAppError } from "@/lib/errors";

// Thin doors into lib/db: authenticate, hand over the raw input (lib/db parses it with the shared
// zod schemas), revalidate what changed, and return a typed result instead of throwing.

async function context(): Promise<AuditContext> {
  const viewer = await requireActionViewer();
  return { viewer, requestId: await currentRequestId() };
}

function revalidateReview(reviewId: string): void {
  // "layout" covers the overview, every concern page and the history below /reviews/<id>.
  revalidatePath(`/reviews/${reviewId}`, "layout");
}

function revalidateLists(): void {
  revalidatePath("/reviews");
  revalidatePath("/services", "layout");
}

/** Form fields as plain strings (the first value of each; files are ignored). */
function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    const value = formData.get(key);
    out[key] = typeof value === "string" ? value : "";
  }
  return out;
}

/**
 * Forms carry their ids (review, item) as hidden fields rather than bound arguments: a bound action
 * inside useActionState never finishes rendering the no-JavaScript post-back in Next 16. Either way the
 * ids come from the browser, and lib/db checks them and the person's rights.
 */
function takeIds<K extends string>(formData: FormData, keys: readonly K[]): { ids: Record<K, string>; rest: Record<string, string> } {
  const all = fields(formData);
  const ids = {} as Record<K, string>;
  for (const key of keys) {
    ids[key] = all[key] ?? "";
    delete all[key];
  }
  return { ids, rest: all };
}

export type StartReviewState = ActionFailure | null;

/**
 * useActionState: on success it navigates to the new review, so only failures come back.
 */
export async function startReviewAction(_prev: StartReviewState, formData: FormData): Promise<StartReviewState> {
  let reviewId: string;
  try {
    const { ids, rest } = takeIds(formData, ["serviceId"]);
    const review = await startReview(await context(), ids.serviceId, { ...rest, reviewerIds: formData.getAll("reviewerIds") });
    reviewId = review.id;
  } catch (error) {
    return toActionError(error);
  }
  revalidateLists();
  redirect(`/reviews/${reviewId}`);
}

export type AnswerInputPayload = {
  status: string;
  note: string;
  naReason: string;
  expectedVersion: number | null;
};

/** A conflict carries the answer as it is now, so the page can offer "use theirs" or "overwrite with mine". */
export type SaveAnswerResult = { ok: true; data: AnswerDto } | (ActionFailure & { current?: AnswerDto | null });

export async function saveAnswerAction(reviewId: string, itemKey: string, input: AnswerInputPayload): Promise<SaveAnswerResult> {
  try {
    const answer = await setAnswer(await context(), reviewId, itemKey, input);
    revalidateReview(reviewId);
    return { ok: true, data: answer };
  } catch (error) {
    const failure = toActionError(error);
    if (isAppError(error) && error.code === "CONFLICT" && error.details && "current" in error.details) {
      return { ...failure, current: (error.details.current as AnswerDto | null) ?? null };
    }
    return failure;
  }
}

export type FormState = ActionResult | null;

export async function addEvidenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { ids, rest } = takeIds(formData, ["reviewId", "itemKey"]);
    await addEvidence(await context(), ids.reviewId, ids.itemKey, rest);
    revalidateReview(ids.reviewId);
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}

export async function removeEvidenceAction(reviewId: string, evidenceId: string): Promise<ActionResult> {
  try {
    await removeEvidence(await context(), reviewId, evidenceId);
    revalidateReview(reviewId);
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}

export async function requestWaiverAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { ids, rest } = takeIds(formData, ["reviewId", "itemKey"]);
    await requestWaiver(await context(), ids.reviewId, ids.itemKey, rest);
    revalidateReview(ids.reviewId);
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}

export type WaiverDecision = "approve" | "reject" | "revoke";

const WAIVER_STEPS = { approve: approveWaiver, reject: rejectWaiver, revoke: revokeWaiver } as const;

export async function changeWaiverAction(reviewId: string, waiverId: string, step: WaiverDecision): Promise<ActionResult> {
  try {
    // Arguments of a server action come from the browser, so the step is checked, not trusted.
    if (!Object.hasOwn(WAIVER_STEPS, step)) throw new AppError("BAD_REQUEST", "Unknown waiver action");
    await WAIVER_STEPS[step](await context(), reviewId, waiverId);
    revalidateReview(reviewId);
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}

export async function submitReviewAction(reviewId: string, expectedVersion: number): Promise<ActionResult> {
  try {
    await submitReview(await context(), reviewId, expectedVersion);
    revalidateReview(reviewId);
    revalidateLists();
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}

export async function reopenReviewAction(reviewId: string, expectedVersion: number): Promise<ActionResult> {
  try {
    await reopenReview(await context(), reviewId, expectedVersion);
    revalidateReview(reviewId);
    revalidateLists();
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}

export async function decideReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { ids, rest } = takeIds(formData, ["reviewId"]);
    await decideReview(await context(), ids.reviewId, rest);
    revalidateReview(ids.reviewId);
    revalidateLists();
    return actionOk();
  } catch (error) {
    return toActionError(error);
  }
}
