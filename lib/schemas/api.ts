import { z } from "zod";
import { ANSWER_STATUSES, EVIDENCE_KINDS, REVIEW_TRIGGERS, TIERS } from "@/lib/domain/types";

// Request shapes of the /api/v1 review API. The handlers parse with these and lib/db re-checks with the
// form schemas; the OpenAPI document is generated from these same objects, so the two cannot drift.

export const servicesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  team: z.string().trim().max(100).optional().describe("Team slug"),
  tier: z.coerce.number<unknown>().pipe(z.literal(TIERS)).optional(),
  page: z.coerce.number<unknown>().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number<unknown>().int().min(1).max(100).default(20),
});

export const createReviewBody = z
  .object({
    trigger: z.enum(REVIEW_TRIGGERS).describe("Why the review runs (the six triggers of the readiness document)"),
    targetDate: z.iso.date().optional().describe("YYYY-MM-DD"),
    reviewerIds: z.array(z.uuid()).max(20).optional(),
  })
  .strict();

export const answerBody = z
  .object({
    status: z.enum(ANSWER_STATUSES),
    note: z.string().max(5000).optional(),
    naReason: z.string().max(1000).optional().describe("Required when status is NOT_APPLICABLE"),
  })
  .strict();

export const evidenceBody = z
  .object({
    url: z.string().max(2000).describe("http:// or https:// only"),
    title: z.string().min(1).max(200),
    kind: z.enum(EVIDENCE_KINDS).optional(),
  })
  .strict();

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    current: z.unknown().optional().describe("On 412: the answer as it is now"),
  }),
});
