import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { loadPeople, visiblePerson, type PersonRef } from "@/lib/db/people";
import { dayToDate, isoDay, isUuid, todayUtc } from "@/lib/db/review-access";
import { parseQuarter } from "@/lib/domain/quarters";
import { AppError } from "@/lib/errors";
import { isOnAgenda } from "@/lib/db/quarterly-agenda";
import { meetingQuarters, PAST_DUE_MESSAGE, type MeetingOutcomeInput, type MeetingOutcomeKind } from "@/lib/schemas/quarterly";

// What the quarterly review meeting decided for each service on its agenda (lib/db/quarterly-agenda): reviewed, or
// a follow-up with an owner and a due date. One outcome per quarter and service, versioned like answers.

export type MeetingOutcomeDto = {
  id: string;
  quarter: string;
  serviceId: string;
  outcome: MeetingOutcomeKind;
  note: string;
  followUpOwner: string | null;
  /** YYYY-MM-DD */
  followUpDue: string | null;
  recordedBy: PersonRef | null;
  recordedAt: Date;
  version: number;
};

const outcomeSelect = {
  id: true,
  quarter: true,
  serviceId: true,
  outcome: true,
  note: true,
  followUpOwner: true,
  followUpDue: true,
  recordedById: true,
  recordedAt: true,
  version: true,
} as const;

type Reader = Pick<Tx, "meetingOutcome" | "user">;

async function readOutcomes(tx: Reader, viewer: Viewer, quarter: string, serviceIds: readonly string[]): Promise<MeetingOutcomeDto[]> {
  const ids = serviceIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await tx.meetingOutcome.findMany({ where: { quarter, serviceId: { in: ids } }, select: outcomeSelect });
  const people = await loadPeople(
    tx,
    rows.map((row) => row.recordedById),
  );
  return rows.map(({ recordedById, followUpDue, ...row }) => ({
    ...row,
    followUpDue: followUpDue ? isoDay(followUpDue) : null,
    recordedBy: recordedById ? visiblePerson(viewer, people.get(recordedById) ?? null) : null,
  }));
}

/** The recorded outcomes for these services in this quarter, by service id (services without one are absent). */
export async function getMeetingOutcomes(
  viewer: Viewer,
  quarter: string,
  serviceIds: readonly string[],
): Promise<Map<string, MeetingOutcomeDto>> {
  if (!parseQuarter(quarter)) return new Map();
  const outcomes = await readOutcomes(db(), viewer, quarter, serviceIds);
  return new Map(outcomes.map((outcome) => [outcome.serviceId, outcome]));
}

export const OUTCOME_CONFLICT_MESSAGE = "Someone else recorded an outcome for this service while you were editing it.";

function conflict(current: MeetingOutcomeDto | null): AppError {
  return new AppError("CONFLICT", OUTCOME_CONFLICT_MESSAGE, { reason: "STALE_VERSION", current });
}

function auditView(outcome: MeetingOutcomeDto) {
  const { quarter, outcome: kind, note, followUpOwner, followUpDue, version } = outcome;
  return { quarter, outcome: kind, note, followUpOwner, followUpDue, version };
}

/**
 * Creates or updates the meeting's outcome for one service (one per quarter and service). The writer says which
 * version it last saw (null: none yet); a stale version never overwrites, it gets CONFLICT with the current one.
 */
export async function recordMeetingOutcome(
  ctx: AuditContext,
  quarter: string,
  serviceId: string,
  input: MeetingOutcomeInput,
  options: { now?: Date } = {},
): Promise<MeetingOutcomeDto> {
  if (!parseQuarter(quarter)) throw new AppError("NOT_FOUND", `There is no quarter "${quarter}"`);
  if (!isUuid(serviceId)) throw new AppError("NOT_FOUND", "This service does not exist");
  // Which quarters have a meeting, and who is on its agenda, go by the clock; `options.now` only moves the day the
  // due-date rule counts from.
  const now = new Date();
  const today = todayUtc(options.now ?? now);
  const quarters = meetingQuarters(now);
  if (!quarters.includes(quarter)) {
    const message = `The meeting records outcomes for ${quarters[0]} to ${quarters.at(-1)}, not for ${quarter}.`;
    throw new AppError("VALIDATION", message, { reason: "QUARTER_OUT_OF_RANGE" });
  }

  return db().$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { teamId: true } });
    if (!service) throw new AppError("NOT_FOUND", "This service does not exist");
    if (!can(ctx.viewer, { type: "meeting:record-outcome", teamId: service.teamId })) {
      throw new AppError("FORBIDDEN", "Only an approver or admin who is not on the team that owns this service can record its outcome.");
    }
    if (!(await isOnAgenda(tx, quarter, serviceId, now))) {
      throw new AppError("VALIDATION", `This service is not on the ${quarter} agenda, so the meeting has no outcome to record for it.`, {
        reason: "NOT_ON_AGENDA",
      });
    }
    const read = async () => (await readOutcomes(tx, ctx.viewer, quarter, [serviceId]))[0] ?? null;
    const before = await read();
    // ISO days compare correctly as strings. A due date already on record may stay when it has passed.
    if (input.followUpDue !== null && input.followUpDue < today && input.followUpDue !== before?.followUpDue) {
      throw new AppError("VALIDATION", PAST_DUE_MESSAGE, { fieldErrors: { followUpDue: [PAST_DUE_MESSAGE] } });
    }
    if (input.expectedVersion !== (before?.version ?? null)) throw conflict(before);

    const fields = {
      outcome: input.outcome,
      note: input.note,
      followUpOwner: input.followUpOwner,
      followUpDue: input.followUpDue ? dayToDate(input.followUpDue) : null,
      recordedById: ctx.viewer.id,
      recordedAt: new Date(),
    };
    if (before) {
      // The version in WHERE is the real guard: a concurrent writer that read the same version waits on the
      // row lock, then finds the version moved on and updates nothing.
      const updated = await tx.meetingOutcome.updateManyAndReturn({
        where: { id: before.id, version: before.version },
        data: { ...fields, version: { increment: 1 } },
        select: { id: true },
      });
      if (updated.length === 0) throw conflict(await read());
    } else {
      // ON CONFLICT DO NOTHING: a concurrent first record makes this a no-op instead of aborting the transaction.
      const inserted = await tx.meetingOutcome.createManyAndReturn({
        data: [{ quarter, serviceId, ...fields }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (inserted.length === 0) throw conflict(await read());
    }

    const after = await read();
    if (!after) throw conflict(null);
    await recordAudit(tx, ctx, {
      action: "meeting_outcome.recorded",
      entityType: "meeting_outcome",
      entityId: after.id,
      teamId: service.teamId,
      serviceId,
      before: before ? auditView(before) : null,
      after: auditView(after),
    });
    return after;
  });
}
