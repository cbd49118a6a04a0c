"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/action-client";
import { defineAction } from "@/lib/actions/define-action";
import { formFields, formList } from "@/lib/actions/form-data";
import { actionOk, withCurrent, type ActionFailure, type ActionResult, type FailureWithCurrent } from "@/lib/actions/result";
import { confirmAnswer, confirmConcern, confirmReview } from "@/lib/db/answer-confirmation";
import { setAnswer } from "@/lib/db/answers";
import { decideReview, reopenReview, submitReview } from "@/lib/db/decisions";
import { addEvidence, removeEvidence } from "@/lib/db/evidence";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { startReview } from "@/lib/db/reviews";
import { approveWaiver, rejectWaiver, requestWaiver, revokeWaiver } from "@/lib/db/waivers";
import { reviewHref, REVIEWS_PATH, SERVICES_PATH } from "@/lib/routes";
import {
  concernTagInput,
  decisionForm,
  evidenceForm,
  evidenceRemovalInput,
  setAnswerInput,
  startReviewForm,
  versionInput,
  waiverRequestForm,
  waiverStepInput,
  type WaiverStep,
} from "@/lib/schemas/review";

// The review pages' server actions: parsed input goes to lib/db (which authorizes), then the pages that show
// the change are revalidated.
//
// Forms carry their ids (review, item) as hidden fields rather than bound arguments: a bound action inside
// useActionState never finishes rendering the no-JavaScript post-back in Next 16. Either way the ids come from
// the browser, and lib/db checks them and the person's rights.

function revalidateReview(reviewId: string): void {
  // "layout" covers the overview, every concern page and the history below /reviews/<id>.
  revalidatePath(reviewHref(reviewId), "layout");
}

function revalidateLists(): void {
  revalidatePath(REVIEWS_PATH);
  revalidatePath(SERVICES_PATH, "layout");
}

export type StartReviewState = ActionFailure | null;

/** useActionState: on success it navigates to the new review, so only failures come back. */
export const startReviewAction = defineAction({
  name: "startReview",
  input: (_prev: StartReviewState, formData: FormData) => ({ ...formFields(formData), reviewerIds: formList(formData, "reviewerIds") }),
  schema: startReviewForm,
  handler: async ({ serviceId, ...input }, ctx): Promise<never> => {
    const review = await startReview(ctx, serviceId, input);
    revalidateLists();
    redirect(reviewHref(review.id));
  },
});

export type AnswerInputPayload = {
  status: string;
  note: string;
  naReason: string;
  expectedVersion: number | null;
};

/** A conflict carries the answer as it is now, so the page can offer "use theirs" or "overwrite with mine". */
export type SaveAnswerResult = { ok: true; data: AnswerDto } | FailureWithCurrent<AnswerDto>;

/**
 * `refreshPage: false` (the page of every concern, which renders the whole checklist) leaves the current page as it is:
 * it computes level and verdict itself and refreshes once its saves have settled, so a save never waits for the page.
 * Other pages of the review are rendered afresh whenever they are visited either way.
 */
export const saveAnswerAction = defineAction({
  name: "saveAnswer",
  input: (_reviewId: string, _itemKey: string, answer: AnswerInputPayload, _options?: { refreshPage?: boolean }) => answer,
  schema: setAnswerInput,
  handler: async (answer, ctx, reviewId, itemKey, _sent, options): Promise<SaveAnswerResult> => {
    const saved = await setAnswer(ctx, reviewId, itemKey, answer);
    if (options?.refreshPage !== false) revalidateReview(reviewId);
    return { ok: true, data: saved };
  },
  failure: withCurrent<AnswerDto>,
});

/** Confirming one carried answer at the version the page showed; a stale version comes back with the current answer. */
export const confirmAnswerAction = defineAction({
  name: "confirmAnswer",
  input: (_reviewId: string, _itemKey: string, expectedVersion: number) => ({ expectedVersion }),
  schema: versionInput,
  handler: async ({ expectedVersion }, ctx, reviewId, itemKey): Promise<SaveAnswerResult> => {
    const confirmed = await confirmAnswer(ctx, reviewId, itemKey, expectedVersion);
    revalidateReview(reviewId);
    return { ok: true, data: confirmed };
  },
  failure: withCurrent<AnswerDto>,
});

/** Confirming every carried answer of a concern that still waits, if the concern is as the page showed it. */
export const confirmConcernAction = defineAction({
  name: "confirmConcern",
  input: (_reviewId: string, _concernKey: string, tag: string) => ({ tag }),
  schema: concernTagInput,
  handler: async ({ tag }, ctx, reviewId, concernKey) => {
    const result = await confirmConcern(ctx, reviewId, concernKey, tag);
    revalidateReview(reviewId);
    return actionOk(result.confirmed.length);
  },
});

/** Confirming every carried answer of the review that still waits, if nothing moved since the page showed them. */
export const confirmReviewAction = defineAction({
  name: "confirmReview",
  input: (_reviewId: string, tag: string) => ({ tag }),
  schema: concernTagInput,
  handler: async ({ tag }, ctx, reviewId) => {
    const result = await confirmReview(ctx, reviewId, tag);
    revalidateReview(reviewId);
    return actionOk(result.confirmed.length);
  },
});

export type FormState = ActionResult | null;

/** The evidence and waiver forms: each posts a review id and an item key with what to add to that item. */
function itemFormAction<S extends z.ZodType<{ reviewId: string; itemKey: string }>>(
  name: string,
  schema: S,
  add: (ctx: ActionContext, reviewId: string, itemKey: string, input: Omit<z.output<S>, "reviewId" | "itemKey">) => Promise<unknown>,
) {
  return defineAction({
    name,
    input: (_prev: FormState, formData: FormData) => formFields(formData),
    schema,
    handler: async (parsed, ctx) => {
      const { reviewId, itemKey, ...input } = parsed;
      await add(ctx, reviewId, itemKey, input);
      revalidateReview(reviewId);
      return actionOk();
    },
  });
}

export const addEvidenceAction = itemFormAction("addEvidence", evidenceForm, addEvidence);
export const requestWaiverAction = itemFormAction("requestWaiver", waiverRequestForm, requestWaiver);

export const removeEvidenceAction = defineAction({
  name: "removeEvidence",
  input: (_reviewId: string, evidenceId: string) => ({ evidenceId }),
  schema: evidenceRemovalInput,
  handler: async ({ evidenceId }, ctx, reviewId) => {
    await removeEvidence(ctx, reviewId, evidenceId);
    revalidateReview(reviewId);
    return actionOk();
  },
});

export type WaiverDecision = WaiverStep;

const WAIVER_STEPS = { approve: approveWaiver, reject: rejectWaiver, revoke: revokeWaiver } as const;

export const changeWaiverAction = defineAction({
  name: "changeWaiver",
  // Arguments of a server action come from the browser, so the step is parsed, not trusted.
  input: (_reviewId: string, _waiverId: string, step: WaiverDecision) => ({ step }),
  schema: waiverStepInput,
  handler: async ({ step }, ctx, reviewId, waiverId) => {
    await WAIVER_STEPS[step](ctx, reviewId, waiverId);
    revalidateReview(reviewId);
    return actionOk();
  },
});

/** Signing off and reopening: the version the page was loaded with guards against acting on a changed review. */
function statusChangeAction(name: string, change: typeof submitReview | typeof reopenReview) {
  return defineAction({
    name,
    input: (_reviewId: string, expectedVersion: number) => ({ expectedVersion }),
    schema: versionInput,
    handler: async ({ expectedVersion }, ctx, reviewId) => {
      await change(ctx, reviewId, expectedVersion);
      revalidateReview(reviewId);
      revalidateLists();
      return actionOk();
    },
  });
}

export const submitReviewAction = statusChangeAction("submitReview", submitReview);
export const reopenReviewAction = statusChangeAction("reopenReview", reopenReview);

export const decideReviewAction = defineAction({
  name: "decideReview",
  input: (_prev: FormState, formData: FormData) => formFields(formData),
  schema: decisionForm,
  handler: async ({ reviewId, ...decision }, ctx) => {
    await decideReview(ctx, reviewId, decision);
    revalidateReview(reviewId);
    revalidateLists();
    return actionOk();
  },
});
