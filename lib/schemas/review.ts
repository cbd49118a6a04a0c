import { z } from "zod";
import { ANSWER_STATUSES, EVIDENCE_KINDS, REVIEW_TRIGGERS, VERDICTS } from "@/lib/domain/types";
import { parseIsoDay } from "@/lib/domain/days";
import type { AnswerStatus } from "@/lib/domain/types";
import { blankToUndefined, firstValue, httpLink, STALE_FORM_MESSAGE } from "@/lib/schemas/preprocess";

// Shared by the review forms, their server actions, the API's request bodies (lib/schemas/api.ts) and the reviews
// list URL. lib/db receives what these produce. Form posts send every field as a string, so blanks become
// "not given" here.

export const HTTP_ONLY_MESSAGE = "Only http:// and https:// links are allowed";

const isoDay = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .refine((value) => parseIsoDay(value) !== null, `Enter ${label} as a valid date (YYYY-MM-DD)`);

const id = (message: string) => z.guid({ error: message });

/** The version the form was loaded with; null means "I saw no answer yet". */
const expectedVersion = z.preprocess(
  (value) => (value === "" || value === undefined ? null : typeof value === "string" ? Number(value) : value),
  z.number().int().min(1).nullable(),
);

const requiredVersion = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
  z.number({ error: STALE_FORM_MESSAGE }).int().min(1),
);

/** A review, service or item id a form carries in a hidden field; lib/db looks it up and checks the person's rights. */
const formId = z.string({ error: STALE_FORM_MESSAGE });

export const startReviewInput = z.object({
  trigger: z.enum(REVIEW_TRIGGERS, { error: "Choose what triggered this review" }),
  targetDate: z.preprocess(blankToUndefined, isoDay("a target date").optional()),
  reviewerIds: z.preprocess(
    (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
    z.array(id("Choose reviewers from the list")).max(20, "Choose at most 20 reviewers"),
  ),
  /** A checkbox posts "on" when ticked and nothing otherwise; the API sends a boolean. */
  carryForward: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
});
export type StartReviewInput = z.output<typeof startReviewInput>;
export const startReviewForm = startReviewInput.extend({ serviceId: formId });

const answerFields = {
  status: z.enum(ANSWER_STATUSES, { error: "Choose met, partial, not met or not applicable" }),
  note: z.preprocess((value) => value ?? "", z.string().trim().max(5000, "Keep the note under 5000 characters")),
  naReason: z.preprocess(blankToUndefined, z.string().trim().max(1000, "Keep the reason under 1000 characters").optional()),
};

type AnswerContent = { status: AnswerStatus; naReason?: string | undefined };

function requireNaReason(value: AnswerContent, ctx: z.RefinementCtx): void {
  if (value.status === "NOT_APPLICABLE" && !value.naReason) {
    ctx.addIssue({ code: "custom", path: ["naReason"], message: "Explain why this item does not apply" });
  }
}

// A reason only means something for N/A; dropping it otherwise keeps stale reasons from lingering.
function keepNaReasonForNa<T extends AnswerContent>(value: T): Omit<T, "naReason"> & { naReason: string | null } {
  return { ...value, naReason: value.status === "NOT_APPLICABLE" ? (value.naReason ?? null) : null };
}

/** An answer's content; the API adds the version from its If-Match / If-None-Match header. */
export const answerInput = z.object(answerFields).superRefine(requireNaReason).transform(keepNaReasonForNa);

/** An answer with the version the form was loaded with. */
export const setAnswerInput = z
  .object({ ...answerFields, expectedVersion })
  .superRefine(requireNaReason)
  .transform(keepNaReasonForNa);
export type SetAnswerInput = z.output<typeof setAnswerInput>;

export const evidenceInput = z.object({
  url: z.string({ error: "Enter a link" }).trim().min(1, "Enter a link").pipe(httpLink(HTTP_ONLY_MESSAGE)),
  title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(200, "Keep the title under 200 characters"),
  kind: z.preprocess(blankToUndefined, z.enum(EVIDENCE_KINDS, { error: "Choose a kind" }).default("OTHER")),
});
export type EvidenceInput = z.output<typeof evidenceInput>;
export const evidenceForm = evidenceInput.extend({ reviewId: formId, itemKey: formId });

const longText = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(2000, `Keep it under 2000 characters`);

export const waiverRequestInput = z.object({
  reason: longText("the reason"),
  compensatingControl: longText("the compensating control"),
  riskOwner: z.string({ error: "Enter the risk owner" }).trim().min(1, "Enter the risk owner").max(200, "Keep it under 200 characters"),
  expiresOn: isoDay("an expiry date"),
});
export type WaiverRequestInput = z.output<typeof waiverRequestInput>;
export const waiverRequestForm = waiverRequestInput.extend({ reviewId: formId, itemKey: formId });

export const WAIVER_STEPS = ["approve", "reject", "revoke"] as const;
export type WaiverStep = (typeof WAIVER_STEPS)[number];
export const waiverStepInput = z.object({ step: z.enum(WAIVER_STEPS, { error: "Unknown waiver action" }) });

/** Removing evidence names it by id; lib/db finds it within the review or answers NOT_FOUND. */
export const evidenceRemovalInput = z.object({ evidenceId: formId });

export const versionInput = z.object({ expectedVersion: requiredVersion });

/** The tag of a concern's carried answers the page was rendered with (see lib/domain/carry-forward). */
export const concernTagInput = z.object({ tag: z.string({ error: STALE_FORM_MESSAGE }).regex(/^v[\d.]{0,2000}$/, STALE_FORM_MESSAGE) });

export const decisionInput = z.object({
  decision: z.enum(VERDICTS, { error: "Choose go, conditional go or no-go" }),
  note: z.preprocess((value) => value ?? "", z.string().trim().max(2000, "Keep the note under 2000 characters")),
  expectedVersion: requiredVersion,
});
export type DecisionInput = z.output<typeof decisionInput>;
export const decisionForm = decisionInput.extend({ reviewId: formId });

export const itemKeyInput = z.string().trim().min(1).max(200);

export const REVIEWS_PAGE_SIZE = 20;

/** The reviews list URL (?page=&status=). Bad values fall back to defaults instead of failing the page. */
export const reviewsSearchParams = z.object({
  page: z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(10_000).catch(1).default(1)),
  status: z.preprocess(firstValue, z.enum(["OPEN", "DRAFT", "SUBMITTED", "DECIDED"]).catch("OPEN").default("OPEN")),
});
export type ReviewsSearchParams = z.output<typeof reviewsSearchParams>;
