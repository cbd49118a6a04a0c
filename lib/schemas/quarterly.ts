import { z } from "zod";
import { currentQuarter, lastQuarters, parseQuarter } from "@/lib/domain/quarters";
import { parseIsoDay } from "@/lib/domain/days";
import { blankToUndefined, firstValue, STALE_FORM_MESSAGE } from "@/lib/schemas/preprocess";

// The quarterly meeting's URL (/quarterly/2026-Q4?team=&page=&i=) and its outcome form, shared by the pages
// and the server action, which hands lib/db the parsed outcome. A hand-edited query string falls back
// to defaults; only the quarter in the path is strict, because a wrong quarter is a page that does not exist.

export const MEETING_OUTCOMES = ["REVIEWED", "FOLLOW_UP"] as const;
export type MeetingOutcomeKind = (typeof MEETING_OUTCOMES)[number];

/** The agenda, the printed agenda and the minutes show this many services per page. */
export const AGENDA_PAGE_SIZE = 100;
/** Far beyond any real portfolio; keeps OFFSET from being used to make the database count to infinity. */
const MAX_PAGE = 10_000;
const TEAM_SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;

/** How many quarters the meeting page offers, the current one included; outcomes are recorded only for these. */
export const MEETING_QUARTERS = 8;

/** The quarters whose meeting can record outcomes, oldest first: the picker's choices. */
export function meetingQuarters(now: Date): string[] {
  return lastQuarters(currentQuarter(now), MEETING_QUARTERS).reverse();
}

/** The `[quarter]` path segment: strictly "YYYY-Qn", or null (the page answers 404). */
export function parseQuarterParam(value: string): string | null {
  return parseQuarter(value) ? value : null;
}

export const quarterlySearchParams = z.object({
  /** A team slug, readable in a shared link; "" = every team. */
  team: z.preprocess(firstValue, z.string().trim().toLowerCase().regex(TEAM_SLUG)).catch(""),
  page: z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(MAX_PAGE)).catch(1),
  /** Presenter mode: the zero-based position in the agenda. */
  i: z
    .preprocess(
      firstValue,
      z.coerce
        .number<unknown>()
        .int()
        .min(0)
        .max(MAX_PAGE * AGENDA_PAGE_SIZE),
    )
    .catch(0),
  /** The quarter picker's select posts here (GET /quarterly?quarter=…). */
  quarter: z
    .preprocess(
      firstValue,
      z
        .string()
        .trim()
        .toUpperCase()
        .refine((v) => parseQuarter(v) !== null),
    )
    .optional()
    .catch(undefined),
});
export type QuarterlySearchParams = z.output<typeof quarterlySearchParams>;

/** The version the form was loaded with; null means "nothing was recorded when I loaded the page". */
const expectedVersion = z.preprocess(
  (value) => (value === "" || value === undefined ? null : typeof value === "string" ? Number(value) : value),
  z.number({ error: STALE_FORM_MESSAGE }).int().min(1).nullable(),
);

/**
 * The outcome form. Owner and due date belong to a follow-up only; a "reviewed" outcome stores neither. Whether
 * the due date lies in the past is lib/db's to judge: re-saving a follow-up (to fix its note, say) after its due
 * date passed must not force anyone to invent a new date, and only the stored outcome knows that date.
 */
export const meetingOutcomeInput = z
  .object({
    outcome: z.enum(MEETING_OUTCOMES, { error: "Choose reviewed or follow-up" }),
    note: z.preprocess((value) => value ?? "", z.string().trim().max(2000, "Keep the note under 2000 characters")),
    followUpOwner: z.preprocess(blankToUndefined, z.string().trim().max(200, "Keep the owner under 200 characters").optional()),
    followUpDue: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .refine((value) => parseIsoDay(value) !== null, "Enter the due date as a valid date (YYYY-MM-DD)")
        .optional(),
    ),
    expectedVersion,
  })
  .superRefine((value, ctx) => {
    if (value.outcome !== "FOLLOW_UP") return;
    if (!value.followUpOwner) ctx.addIssue({ code: "custom", path: ["followUpOwner"], message: "Name who owns the follow-up" });
    if (!value.followUpDue) ctx.addIssue({ code: "custom", path: ["followUpDue"], message: "Enter the follow-up's due date" });
  })
  .transform((value) => {
    const isFollowUp = value.outcome === "FOLLOW_UP";
    return {
      outcome: value.outcome,
      note: value.note,
      followUpOwner: isFollowUp ? (value.followUpOwner ?? null) : null,
      followUpDue: isFollowUp ? (value.followUpDue ?? null) : null,
      expectedVersion: value.expectedVersion,
    };
  });
export type MeetingOutcomeInput = z.output<typeof meetingOutcomeInput>;

export const PAST_DUE_MESSAGE = "The due date cannot be in the past";

/** What the client sends: every value as typed, so the server owns all validation. */
export type MeetingOutcomePayload = {
  outcome: string;
  note: string;
  followUpOwner: string;
  followUpDue: string;
  expectedVersion: number | null;
};
