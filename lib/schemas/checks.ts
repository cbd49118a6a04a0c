import { z } from "zod";
import { CHECK_KINDS, CHECK_STATUSES, MAX_CLOCK_SKEW_MS, MAX_VALID_FOR_MINUTES } from "@/lib/domain/checks";
import { httpLink } from "@/lib/schemas/preprocess";
import { itemKeyInput } from "@/lib/schemas/review";

// Automated checks: results a pipeline pushes (POST /api/v1/services/{slug}/checks) and the bindings admins make.

const validFor = z
  .int({ error: "Give whole minutes" })
  .min(5, "At least 5 minutes")
  .max(MAX_VALID_FOR_MINUTES, `At most ${MAX_VALID_FOR_MINUTES} minutes (a year)`);

export const checkResultInput = z.strictObject({
  itemKey: itemKeyInput.describe("Checklist item key, e.g. testing.ci-pipeline"),
  status: z.enum(CHECK_STATUSES, { error: "Use PASSING, WARNING or FAILING" }),
  summary: z.string().trim().max(500, "Keep the summary under 500 characters").default(""),
  detailsUrl: httpLink("Use an http:// or https:// link").optional().describe("Where the run can be read, e.g. the CI job"),
  observedAt: z.iso
    .datetime({ offset: true, error: "Use an ISO date-time, e.g. 2026-12-01T10:00:00Z" })
    .optional()
    .refine((value) => value === undefined || Date.parse(value) <= Date.now() + MAX_CLOCK_SKEW_MS, "Must not be in the future")
    .describe("When the check ran; defaults to now"),
  validForMinutes: validFor.optional().describe("How long the result counts; defaults to the item's binding, else 1440 (a day)"),
});
export type CheckResultInput = z.output<typeof checkResultInput>;

export const checkResultsBody = z.strictObject({
  results: z.array(checkResultInput).min(1, "Send at least one result").max(100, "Send at most 100 results at once"),
});
export type CheckResultsInput = z.output<typeof checkResultsBody>;

export const checkBindingInput = z.object({
  itemKey: itemKeyInput,
  kind: z.enum(CHECK_KINDS, { error: "Choose an HTTP probe or results from CI" }),
  validForMinutes: z.coerce.number<unknown>({ error: "Give whole minutes" }).pipe(validFor).default(1440),
  timeoutMs: z.coerce
    .number<unknown>({ error: "Give milliseconds" })
    .pipe(z.int({ error: "Give whole milliseconds" }).min(100, "At least 100 ms").max(30_000, "At most 30 000 ms"))
    .default(5000),
});
export type CheckBindingInput = z.output<typeof checkBindingInput>;
