import { z } from "zod";
import { CONCERN_WORK_STATUSES } from "@/lib/domain/concern-assignments";
import { STALE_FORM_MESSAGE } from "@/lib/schemas/preprocess";

// Who works on a concern of a review and how far it is: the concern page's form, its server action and the API's
// PUT …/concerns/{concernKey}/assignment all end in ConcernAssignmentInput, which lib/db checks against the team.

/** Whom the concern goes to: a person picked from the team's list (by id) or named by an API client (by e-mail). */
export type AssigneeRef = { id: string } | { email: string };

const status = z.enum(CONCERN_WORK_STATUSES, { error: "Choose not started, in progress or done" });

/** The version the form was loaded with; 0 for a concern nobody has assigned or started yet. */
const expectedVersion = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? Number(value) : value),
  z.number({ error: STALE_FORM_MESSAGE }).int().min(0, STALE_FORM_MESSAGE),
);

export type ConcernAssignmentInput = {
  assignee: AssigneeRef | null;
  status: z.output<typeof status>;
  expectedVersion: number;
};

/** The concern page's form: the assignee select posts a person's id, or "" for nobody. */
export const concernAssignmentForm = z
  .object({
    reviewId: z.string({ error: STALE_FORM_MESSAGE }),
    concernKey: z.string({ error: STALE_FORM_MESSAGE }).trim().min(1, STALE_FORM_MESSAGE).max(200, STALE_FORM_MESSAGE),
    assignee: z.preprocess(
      (value) => (value === undefined || value === "" ? null : value),
      z.guid({ error: "Choose someone from the list" }).nullable(),
    ),
    status,
    expectedVersion,
  })
  .transform(({ assignee, ...rest }) => ({ ...rest, assignee: assignee === null ? null : { id: assignee } }));

/** The API's body; the version travels in If-Match. */
export const concernAssignmentBody = z
  .strictObject({
    assignee: z
      .email({ error: "Give the e-mail address of an editor of the owning team, or null" })
      .max(320)
      .nullable()
      .describe("E-mail address of an editor of the team that owns the service; null leaves the concern unassigned"),
    status: z
      .enum(CONCERN_WORK_STATUSES)
      .describe("NOT_STARTED, IN_PROGRESS or DONE; DONE is allowed with items still unanswered (the response counts them)"),
  })
  .transform(({ assignee, status }) => ({ status, assignee: assignee === null ? null : { email: assignee.trim().toLowerCase() } }));
