import { z } from "zod";
import { ANSWER_STATUSES, EVIDENCE_KINDS, REVIEW_TRIGGERS, VERDICTS } from "@/lib/domain/types";
import { parseIsoDay } from "@/lib/domain/waivers";
import { AppError } from "@/lib/errors";
import { blankToUndefined, firstValue, httpLink } from "@/lib/schemas/preprocess";

// Shared by the review forms, their server actions, lib/db (which re-checks at its own boundary,
// because the API calls it too) and the reviews list URL. Form posts send every field as a
// string, so blanks become "not given" here.

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
  z.number({ error: "This form is out of date; reload the page" }).int().min(1),
);

export const startReviewInput = z.object({
  trigger: z.enum(REVIEW_TRIGGERS, { error: "Choose what triggered this review" }),
  targetDate: z.preprocess(blankToUndefined, isoDay("a target date").optional()),
  reviewerIds: z.preprocess(
    (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
    z.array(id("Choose reviewers from the list")).max(20, "Choose at most 20 reviewers"),
  ),
});
export type StartReviewInput = z.output<typeof startReviewInput>;

export const setAnswerInput = z
  .object({
    status: z.enum(ANSWER_STATUSES, { error: "Choose met, partial, not met or not applicable" }),
    note: z.preprocess((value) => value ?? "", z.string().trim().max(5000, "Keep the note under 5000 characters")),
    naReason: z.preprocess(blankToUndefined, z.string().trim().max(1000, "Keep the reason under 1000 characters").optional()),
    expectedVersion,
  })
  .superRefine((value, ctx) => {
    if (value.status === "NOT_APPLICABLE" && !value.naReason) {
      ctx.addIssue({ code: "custom", path: ["naReason"], message: "Explain why this item does not apply" });
    }
  })
  // A reason only means something for N/A; dropping it otherwise keeps stale reasons from lingering.
  .transform((value) => ({ ...value, naReason: value.status === "NOT_APPLICABLE" ? (value.naReason ?? null) : null }));
export type SetAnswerInput = z.output<typeof setAnswerInput>;

export const evidenceInput = z.object({
  url: z.string({ error: "Enter a link" }).trim().min(1, "Enter a link").pipe(httpLink(HTTP_ONLY_MESSAGE)),
  title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(200, "Keep the title under 200 characters"),
  kind: z.preprocess(blankToUndefined, z.enum(EVIDENCE_KINDS, { error: "Choose a kind" }).default("OTHER")),
});
export type EvidenceInput = z.output<typeof evidenceInput>;

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

export const versionInput = z.object({ expectedVersion: requiredVersion });

export const decisionInput = z.object({
  decision: z.enum(VERDICTS, { error: "Choose go, conditional go or no-go" }),
  note: z.preprocess((value) => value ?? "", z.string().trim().max(2000, "Keep the note under 2000 characters")),
  expectedVersion: requiredVersion,
});
export type DecisionInput = z.output<typeof decisionInput>;

export const reviewIdInput = id("Unknown review");
export const itemKeyInput = z.string().trim().min(1).max(200);

export const REVIEWS_PAGE_SIZE = 20;

/** The reviews list URL (?page=&status=). Bad values fall back to defaults instead of failing the page. */
export const reviewsSearchParams = z.object({
  page: z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(10_000).catch(1).default(1)),
  status: z.preprocess(firstValue, z.enum(["OPEN", "DRAFT", "SUBMITTED", "DECIDED"]).catch("OPEN").default("OPEN")),
});
export type ReviewsSearchParams = z.output<typeof reviewsSearchParams>;

export type FieldErrors = Record<string, string[]>;

/** Parses at a lib/db boundary: invalid input becomes a VALIDATION AppError carrying per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0]?.message ?? "Check the highlighted fields";
  throw new AppError("VALIDATION", first, { fieldErrors });
}
