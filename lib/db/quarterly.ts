import { can, hasRole, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { dayToDate, isoDay, isUuid, todayUtc } from "@/lib/db/review-access";
import { parseQuarter, quarterEnd, REVIEW_INTERVAL_DAYS, reviewDueReason, type ReviewDueReason } from "@/lib/domain/quarters";
import { levelChange, type LevelChange } from "@/lib/domain/review-diff";
import type { AchievedLevel, ReviewTrigger, Tier, Verdict } from "@/lib/domain/types";
import { addDays } from "@/lib/domain/waivers";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { AGENDA_PAGE_SIZE, meetingOutcomeInput, type MeetingOutcomeKind } from "@/lib/schemas/quarterly";
import { parseOrThrow } from "@/lib/schemas/review";

// The quarterly review meeting: which services are due as of a quarter, what changed since each one's previous
// review, and what the meeting decided for each. Every signed-in viewer may read every service (the viewer keeps
// one shape for every door into the data). Nothing here reads the answers table: only the summary columns that
// deciding a review froze onto it.

const MS_PER_DAY = 86_400_000;
/** Approved waivers expiring within this many days after the as-of date are flagged. */
export const EXPIRING_WAIVER_DAYS = 30;

export type DecidedSummary = {
  reviewId: string;
  decidedAt: Date;
  level: AchievedLevel | null;
  verdict: Verdict | null;
  openBlockers: number;
  notMet: number;
  partial: number;
};

export type VerdictChange = { before: Verdict | null; after: Verdict | null; direction: "stricter" | "looser" | "same" | "unknown" };

export type ServiceChange = {
  level: LevelChange;
  verdict: VerdictChange;
  /** latest − previous; null without a previous decided review. */
  openBlockersDelta: number | null;
  notMetDelta: number | null;
  /** Level went down, verdict got stricter or open blockers increased (computed in SQL, where it orders the agenda). */
  isRegression: boolean;
};

export type DueService = {
  /** Zero-based place in the whole agenda, for presenter mode's ?i=. */
  position: number;
  id: string;
  slug: string;
  name: string;
  team: { id: string; slug: string; name: string };
  tier: Tier;
  /** null: no longer due, but on the agenda because the meeting already recorded an outcome for it. */
  dueReason: ReviewDueReason | null;
  pendingTrigger: ReviewTrigger | null;
  /** Whole days from the latest decided review to the as-of instant; null when never decided. */
  daysSinceReview: number | null;
  latest: DecidedSummary | null;
  previous: DecidedSummary | null;
  change: ServiceChange;
  expiringWaivers: { count: number; soonest: string } | null;
};

export type AgendaCounts = { regressions: number; expiringWaivers: number; pendingTriggers: number; reviewed: number; followUp: number };

export type DueServicesPage = {
  quarter: string;
  /** min(now, quarter end): the instant the agenda is judged at. */
  asOf: Date;
  rows: DueService[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  counts: AgendaCounts;
};

export type DueServicesOptions = { page?: number; pageSize?: number; team?: string; now?: Date };

/** Approvers and admins chair the meeting; editors may record outcomes for their own team's services. */
export function canRecordMeetingOutcome(viewer: Viewer, teamId: string): boolean {
  return hasRole(viewer, "APPROVER") || can(viewer, { type: "review:edit", teamId });
}

/** The quarter's exclusive end, or now while the quarter is still running (a future quarter is judged as of now). */
export function quarterAsOf(quarter: string, now: Date): Date {
  const end = quarterEnd(quarter);
  return end.getTime() < now.getTime() ? end : now;
}

type AgendaQuery = {
  quarter: string;
  /** Team slug; null = every team. */
  team: string | null;
  asOf: Date;
  staleBefore: Date;
  asOfDay: string;
  untilDay: string;
  /** The quarter is over: services created after it ended were not on its agenda. */
  isPast: boolean;
  offset: number;
  limit: number;
};

/** Totals on every row; the page's columns are null on the one row returned when the page is empty. */
type AgendaRow = {
  total: number;
  regressions: number;
  expiring: number;
  triggers: number;
  reviewed: number;
  follow_up: number;
  position: number | null;
  id: string | null;
  slug: string | null;
  name: string | null;
  tier: number | null;
  team_id: string | null;
  team_slug: string | null;
  team_name: string | null;
  pending_trigger: ReviewTrigger | null;
  is_regression: boolean | null;
  expiring_count: number | null;
  expiring_soonest: string | null;
  cur_id: string | null;
  cur_decided_at: Date | null;
  cur_level: number | null;
  cur_verdict: Verdict | null;
  cur_blockers: number | null;
  cur_not_met: number | null;
  cur_partial: number | null;
  prev_id: string | null;
  prev_decided_at: Date | null;
  prev_level: number | null;
  prev_verdict: Verdict | null;
  prev_blockers: number | null;
  prev_not_met: number | null;
  prev_partial: number | null;
};

const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamptz`;
const verdictRank = (verdict: Prisma.Sql) => Prisma.sql`(CASE ${verdict} WHEN 'GO' THEN 0 WHEN 'CONDITIONAL_GO' THEN 1 WHEN 'NO_GO' THEN 2 END)`;

/**
 * One statement. Candidates come from the services row alone (summary columns, the set of pending triggers read
 * through reviews_status_idx, the quarter's outcomes). Ordering needs "regression" for every due service, so each
 * due service — never the whole portfolio — pays one probe of reviews_service_decided_idx for its previous review
 * and one of waivers_review_id_idx; the latest review is the services row itself. Only a past quarter looks up
 * history for services decided after it ended (gated per row, so the current quarter never runs that probe), and
 * only the page's rows read the latest review's remaining counts.
 */
function agendaSql(q: AgendaQuery): Prisma.Sql {
  const asOf = ts(q.asOf);
  const team = q.team === null ? Prisma.empty : Prisma.sql`AND s.team_id = (SELECT id FROM teams WHERE slug = ${q.team})`;
  // Only a quarter that is over filters by creation time; "now" would race with rows created during the request.
  const created = (alias: "s" | "r") => (q.isPast ? Prisma.sql`AND ${Prisma.raw(alias)}.created_at < ${asOf}` : Prisma.empty);
  return Prisma.sql`
    WITH pending AS (
      -- A trigger is pending while a non-quarterly review is open; the oldest one names it.
      SELECT DISTINCT ON (r.service_id) r.service_id, r.trigger::text AS trigger
      FROM reviews r
      WHERE r.status IN ('DRAFT', 'SUBMITTED') AND r.trigger <> 'QUARTERLY' ${created("r")}
      ORDER BY r.service_id, r.created_at, r.id
    ), candidates AS (
      SELECT s.id, s.slug, s.name, s.tier, s.team_id, s.last_review_id, s.last_decided_at, s.current_level,
        s.current_verdict::text AS current_verdict, s.open_blockers, p.trigger AS pending_trigger, mo.outcome::text AS outcome
      FROM services s
      LEFT JOIN pending p ON p.service_id = s.id
      LEFT JOIN meeting_outcomes mo ON mo.quarter = ${q.quarter} AND mo.service_id = s.id
      WHERE s.lifecycle <> 'RETIRED' ${team} ${created("s")}
        AND (p.service_id IS NOT NULL OR mo.id IS NOT NULL OR s.last_decided_at IS NULL
          OR s.last_decided_at < ${ts(q.staleBefore)} OR s.last_decided_at >= ${asOf})
    ), facts AS (
      SELECT c.id, c.slug, c.name, c.tier, c.team_id, c.pending_trigger, c.outcome,
        cur.id AS cur_id, cur.decided_at AS cur_decided_at, cur.level AS cur_level, cur.verdict AS cur_verdict, cur.blockers AS cur_blockers,
        prev.id AS prev_id, prev.decided_at AS prev_decided_at, prev.level AS prev_level, prev.verdict AS prev_verdict,
        prev.blockers AS prev_blockers, prev.not_met_count AS prev_not_met, prev.partial_count AS prev_partial,
        ew.n AS expiring_count, ew.soonest::text AS expiring_soonest,
        COALESCE(prev.id IS NOT NULL AND (cur.level < prev.level OR ${verdictRank(Prisma.sql`cur.verdict`)} > ${verdictRank(Prisma.sql`prev.verdict`)}
          OR cur.blockers > prev.blockers), false) AS is_regression
      FROM candidates c
      LEFT JOIN LATERAL (
        SELECT c.last_review_id AS id, c.last_decided_at AS decided_at, c.current_level AS level, c.current_verdict AS verdict, c.open_blockers AS blockers
        WHERE c.last_decided_at < ${asOf}
        UNION ALL
        (SELECT r.id, r.decided_at, r.level, COALESCE(r.decision, r.computed_verdict)::text, COALESCE(r.open_blocker_count, 0)
         FROM reviews r
         WHERE c.last_decided_at >= ${asOf} AND r.service_id = c.id AND r.status = 'DECIDED' AND r.decided_at < ${asOf}
         ORDER BY r.decided_at DESC LIMIT 1)
      ) cur ON true
      LEFT JOIN LATERAL (
        SELECT r.id, r.decided_at, r.level, COALESCE(r.decision, r.computed_verdict)::text AS verdict,
          COALESCE(r.open_blocker_count, 0) AS blockers, r.not_met_count, r.partial_count
        FROM reviews r
        WHERE r.service_id = c.id AND r.status = 'DECIDED' AND r.decided_at < cur.decided_at
        ORDER BY r.decided_at DESC LIMIT 1
      ) prev ON true
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS n, min(w.expires_on) AS soonest FROM waivers w
        WHERE w.review_id = cur.id AND w.status = 'APPROVED' AND w.expires_on BETWEEN ${q.asOfDay}::date AND ${q.untilDay}::date
      ) ew ON true
      -- Same rule as reviewDueReason; a service with a recorded outcome stays, so the minutes never lose it.
      WHERE c.pending_trigger IS NOT NULL OR c.outcome IS NOT NULL OR cur.id IS NULL OR cur.decided_at < ${ts(q.staleBefore)}
    ), ordered AS (
      SELECT f.*, row_number() OVER (ORDER BY f.is_regression DESC, (f.expiring_count > 0) DESC,
        (f.pending_trigger IS NOT NULL) DESC, f.cur_decided_at ASC NULLS FIRST, lower(f.name), f.id) AS position
      FROM facts f
    ), totals AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE is_regression)::int AS regressions,
        count(*) FILTER (WHERE expiring_count > 0)::int AS expiring,
        count(*) FILTER (WHERE pending_trigger IS NOT NULL)::int AS triggers,
        count(*) FILTER (WHERE outcome = 'REVIEWED')::int AS reviewed,
        count(*) FILTER (WHERE outcome = 'FOLLOW_UP')::int AS follow_up
      FROM facts
    )
    SELECT t.*, o.* FROM totals t LEFT JOIN (
      SELECT o.position::int AS position, o.id::text AS id, o.slug, o.name, o.tier, o.team_id::text AS team_id,
        tm.slug AS team_slug, tm.name AS team_name, o.pending_trigger, o.is_regression, o.expiring_count, o.expiring_soonest,
        o.cur_id::text AS cur_id, o.cur_decided_at, o.cur_level, o.cur_verdict, o.cur_blockers,
        cr.not_met_count AS cur_not_met, cr.partial_count AS cur_partial,
        o.prev_id::text AS prev_id, o.prev_decided_at, o.prev_level, o.prev_verdict, o.prev_blockers, o.prev_not_met, o.prev_partial
      FROM ordered o
      JOIN teams tm ON tm.id = o.team_id
      LEFT JOIN reviews cr ON cr.id = o.cur_id
      WHERE o.position > ${q.offset}::int AND o.position <= ${q.offset + q.limit}::int
    ) o ON true
    ORDER BY o.position`;
}

const VERDICT_RANK: Record<Verdict, number> = { GO: 0, CONDITIONAL_GO: 1, NO_GO: 2 };

export function verdictChange(before: Verdict | null, after: Verdict | null): VerdictChange {
  if (before === null || after === null) return { before, after, direction: "unknown" };
  const delta = VERDICT_RANK[after] - VERDICT_RANK[before];
  return { before, after, direction: delta > 0 ? "stricter" : delta < 0 ? "looser" : "same" };
}

function asLevel(value: number | null): AchievedLevel | null {
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 4 ? (value as AchievedLevel) : null;
}

function summary(id: string | null, decidedAt: Date | null, level: number | null, verdict: Verdict | null, counts: [number | null, number | null, number | null]): DecidedSummary | null {
  if (id === null || decidedAt === null) return null;
  return { reviewId: id, decidedAt, level: asLevel(level), verdict, openBlockers: counts[0] ?? 0, notMet: counts[1] ?? 0, partial: counts[2] ?? 0 };
}

function toDueService(row: AgendaRow & { position: number; id: string }, asOf: Date): DueService {
  const latest = summary(row.cur_id, row.cur_decided_at, row.cur_level, row.cur_verdict, [row.cur_blockers, row.cur_not_met, row.cur_partial]);
  const previous = summary(row.prev_id, row.prev_decided_at, row.prev_level, row.prev_verdict, [row.prev_blockers, row.prev_not_met, row.prev_partial]);
  const pendingTrigger = row.pending_trigger;
  const lastDecidedAt = latest?.decidedAt ?? null;
  return {
    position: row.position - 1,
    id: row.id,
    slug: row.slug ?? "",
    name: row.name ?? "",
    team: { id: row.team_id ?? "", slug: row.team_slug ?? "", name: row.team_name ?? "" },
    // The database holds tier to 1–3 with a CHECK constraint, so `as Tier` only restates it.
    tier: (row.tier ?? 3) as Tier,
    dueReason: reviewDueReason({ lastDecidedAt, pendingTrigger: pendingTrigger !== null, asOf }),
    pendingTrigger,
    daysSinceReview: lastDecidedAt ? Math.floor((asOf.getTime() - lastDecidedAt.getTime()) / MS_PER_DAY) : null,
    latest,
    previous,
    change: {
      level: levelChange(previous?.level ?? null, latest?.level ?? null),
      verdict: verdictChange(previous?.verdict ?? null, latest?.verdict ?? null),
      openBlockersDelta: latest && previous ? latest.openBlockers - previous.openBlockers : null,
      notMetDelta: latest && previous ? latest.notMet - previous.notMet : null,
      isRegression: row.is_regression === true,
    },
    expiringWaivers: row.expiring_count && row.expiring_soonest ? { count: row.expiring_count, soonest: row.expiring_soonest } : null,
  };
}

/** One page of the quarter's agenda, ordered, counted and paged by the database. Unknown quarter → NOT_FOUND. */
export async function listDueServices(viewer: Viewer, quarter: string, options: DueServicesOptions = {}): Promise<DueServicesPage> {
  if (!parseQuarter(quarter)) throw new AppError("NOT_FOUND", `There is no quarter "${quarter}"`);
  const now = options.now ?? new Date();
  const asOf = quarterAsOf(quarter, now);
  const asOfDay = isoDay(asOf);
  const page = Math.max(1, Math.trunc(options.page ?? 1));
  const pageSize = Math.min(AGENDA_PAGE_SIZE, Math.max(1, Math.trunc(options.pageSize ?? AGENDA_PAGE_SIZE)));
  const query = agendaSql({
    quarter,
    team: options.team ?? null,
    asOf,
    // Strictly older than 90 × 24 h is due, exactly like reviewDueReason.
    staleBefore: new Date(asOf.getTime() - REVIEW_INTERVAL_DAYS * MS_PER_DAY),
    asOfDay,
    untilDay: addDays(asOfDay, EXPIRING_WAIVER_DAYS) ?? asOfDay,
    isPast: asOf.getTime() < now.getTime(),
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  // The planner cannot estimate the OR-filtered candidates and costs the statement as if every service were due;
  // that crosses jit_above_cost, and compiling then takes 10–50× longer than running (measured at 10,000 services).
  const [, rows] = await db().$transaction([db().$executeRaw`SET LOCAL jit = off`, db().$queryRaw<AgendaRow[]>(query)]);
  const head = rows[0];
  const total = head?.total ?? 0;
  return {
    quarter,
    asOf,
    rows: rows.flatMap((row) => (row.position !== null && row.id !== null ? [toDueService({ ...row, position: row.position, id: row.id }, asOf)] : [])),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    counts: {
      regressions: head?.regressions ?? 0,
      expiringWaivers: head?.expiring ?? 0,
      pendingTriggers: head?.triggers ?? 0,
      reviewed: head?.reviewed ?? 0,
      followUp: head?.follow_up ?? 0,
    },
  };
}

export type MeetingOutcomeDto = {
  id: string;
  quarter: string;
  serviceId: string;
  outcome: MeetingOutcomeKind;
  note: string;
  followUpOwner: string | null;
  /** YYYY-MM-DD */
  followUpDue: string | null;
  recordedBy: { name: string; email: string } | null;
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

async function readOutcomes(tx: Reader, quarter: string, serviceIds: readonly string[]): Promise<MeetingOutcomeDto[]> {
  const ids = serviceIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await tx.meetingOutcome.findMany({ where: { quarter, serviceId: { in: ids } }, select: outcomeSelect });
  const userIds = [...new Set(rows.flatMap((row) => (row.recordedById ? [row.recordedById] : [])))];
  const users = userIds.length > 0 ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((user) => [user.id, { name: user.name, email: user.email }]));
  return rows.map(({ recordedById, followUpDue, ...row }) => ({
    ...row,
    followUpDue: followUpDue ? isoDay(followUpDue) : null,
    recordedBy: recordedById ? (byId.get(recordedById) ?? null) : null,
  }));
}

/** The recorded outcomes for these services in this quarter, by service id (services without one are absent). */
export async function getMeetingOutcomes(quarter: string, serviceIds: readonly string[]): Promise<Map<string, MeetingOutcomeDto>> {
  if (!parseQuarter(quarter)) return new Map();
  const outcomes = await readOutcomes(db(), quarter, serviceIds);
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
  rawInput: unknown,
  options: { now?: Date } = {},
): Promise<MeetingOutcomeDto> {
  if (!parseQuarter(quarter)) throw new AppError("NOT_FOUND", `There is no quarter "${quarter}"`);
  if (!isUuid(serviceId)) throw new AppError("NOT_FOUND", "This service does not exist");
  const today = todayUtc(options.now);

  return db().$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { teamId: true } });
    if (!service) throw new AppError("NOT_FOUND", "This service does not exist");
    if (!canRecordMeetingOutcome(ctx.viewer, service.teamId)) {
      throw new AppError("FORBIDDEN", "Only approvers, admins and editors of the owning team can record the meeting's outcome.");
    }
    const read = async () => (await readOutcomes(tx, quarter, [serviceId]))[0] ?? null;
    const before = await read();
    const input = parseOrThrow(meetingOutcomeInput({ today, recordedDue: before?.followUpDue ?? null }), rawInput);
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
