import { z } from "zod";
import { CONCERN_WORK_STATUSES } from "@/lib/domain/concern-assignments";
import { GATE_REASON_CODES } from "@/lib/domain/gate";
import { ANSWER_STATUSES, EVIDENCE_KINDS, REVIEW_TRIGGERS, TIERS, VERDICTS } from "@/lib/domain/types";
import { REASON_CODES } from "@/lib/domain/verdict";
import { answerInput, evidenceInput, startReviewInput } from "@/lib/schemas/review";

// Request shapes of the /api/v1 review API. Each body is the strict JSON contract piped into the form's own
// schema, so a handler parses once and hands lib/db the same typed input a form produces. The OpenAPI document
// is generated from these same objects (their JSON side), so the two cannot drift.

/**
 * The JSON contract first, then the form's schema. zod types a pipe's second schema by the first one's output,
 * which a form schema cannot state (it preprocesses, so its input is `unknown`); it accepts that output all the same.
 */
function thenForm<A extends z.ZodType, B extends z.ZodType>(contract: A, form: B) {
  return contract.pipe(form as unknown as z.ZodType<z.output<B>, z.output<A>>);
}

export const servicesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  team: z.string().trim().max(100).optional().describe("Team slug"),
  tier: z.coerce.number<unknown>().pipe(z.literal(TIERS)).optional(),
  page: z.coerce.number<unknown>().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number<unknown>().int().min(1).max(100).default(20),
});

export const createReviewBody = thenForm(
  z.strictObject({
    trigger: z.enum(REVIEW_TRIGGERS).describe("Why the review runs (the six triggers of the readiness document)"),
    targetDate: z.iso.date().optional().describe("YYYY-MM-DD"),
    reviewerIds: z.array(z.uuid()).max(20).optional().describe("Approvers who are not on the team that owns the service"),
    carryForward: z
      .boolean()
      .optional()
      .describe(
        "Copy the answers, notes and evidence of the service's last decided review for items the new template still has; they count only once confirmed. Waivers are never carried. Default false.",
      ),
  }),
  startReviewInput,
);

/** The answer's content; its version travels in the If-Match / If-None-Match header. */
export const answerBody = thenForm(
  z.strictObject({
    status: z.enum(ANSWER_STATUSES),
    note: z.string().max(5000).optional(),
    naReason: z.string().max(1000).optional().describe("Required when status is NOT_APPLICABLE"),
  }),
  answerInput,
);

export const evidenceBody = thenForm(
  z.strictObject({
    url: z.string().max(2000).describe("http:// or https:// only"),
    title: z.string().min(1).max(200),
    kind: z.enum(EVIDENCE_KINDS).optional(),
  }),
  evidenceInput,
);

const personResponse = z.object({ name: z.string(), email: z.string().nullable().describe("Only for admins") }).nullable();

/** One concern's entry in `assignments` of GET /api/v1/reviews/{id}, and the body PUT …/assignment answers with. */
export const concernAssignmentResponse = z.object({
  concern: z.string().describe("Concern key"),
  assignee: personResponse,
  status: z.enum(CONCERN_WORK_STATUSES),
  version: z.number().int().min(0).describe("0 while nobody has assigned or started the concern; send it in If-Match"),
  openItems: z.number().int().min(0).nullable().describe("Applicable items of the concern still without a counted answer"),
  updatedBy: personResponse,
  updatedAt: z.string().nullable(),
});

/** The parts of GET /api/v1/reviews/{id} described field by field so far; the document shows the rest as open. */
export const reviewResponse = z.looseObject({
  id: z.string(),
  assignments: z.array(concernAssignmentResponse).describe("One entry per concern of the review's checklist, in its order"),
});

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    current: z.unknown().optional().describe("On 412: the answer (or for a concern, its tag and what waits) as it is now"),
    openReviewId: z.string().optional().describe("On 409 when starting a review: the open review of the service"),
  }),
});

export const gateQuery = z.strictObject({
  strict: z
    .enum(["true", "false", "conditional"])
    .default("false")
    .describe("`true`: answer 409 when the verdict is no-go; `conditional`: also on conditional go. Default: always 200"),
});

const verdict = z.enum(VERDICTS);

export const gateResponse = z.object({
  service: z.object({ slug: z.string(), name: z.string(), tier: z.literal(TIERS) }),
  verdict: verdict.describe("Today's verdict: the stricter of the decision and its answers evaluated again today"),
  pass: z.boolean().describe("false when the verdict is no-go, or with strict=conditional also when it is conditional go"),
  evaluatedOn: z.iso.date(),
  level: z.number().int().nullable().describe("Level the decided answers reach today; null without a decision"),
  targetLevel: z.number().int().nullable(),
  reasons: z.array(
    z.object({
      code: z.enum([...REASON_CODES, ...GATE_REASON_CODES]),
      severity: z.enum(["blocker", "warning", "info"]),
      message: z.string(),
      itemKeys: z.array(z.string()),
    }),
  ),
  decision: z
    .object({
      reviewId: z.uuid(),
      decidedAt: z.iso.datetime(),
      decidedBy: z.string().nullable(),
      outcome: verdict,
      href: z.string().describe("The decided review's report"),
    })
    .nullable()
    .describe("The decision the verdict rests on; null when the service was never decided"),
  openReview: z.object({ id: z.uuid(), status: z.enum(["DRAFT", "SUBMITTED"]) }).nullable(),
});
