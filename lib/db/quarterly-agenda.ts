import { db, type Tx } from "@/lib/db/client";
import { agendaSql, type AgendaRow } from "@/lib/db/quarterly-agenda-sql";
import { isoDay } from "@/lib/db/review-access";
import { parseQuarter, quarterEnd, reviewDueReason, reviewOverdueBefore, type ReviewDueReason } from "@/lib/domain/quarters";
import { levelChange, type LevelChange } from "@/lib/domain/review-diff";
import type { AchievedLevel, ReviewTrigger, Tier, Verdict } from "@/lib/domain/types";
import { addDays, elapsedDays } from "@/lib/domain/days";
import { pageCount, pageOffset, pageRequest } from "@/lib/domain/pagination";
import { EXPIRING_WAIVER_DAYS } from "@/lib/domain/waivers";
import { AppError } from "@/lib/errors";
import { AGENDA_PAGE_SIZE } from "@/lib/schemas/quarterly";

// The quarterly review meeting's agenda: which services are due as of a quarter and what changed since each one's
// previous review (the outcomes the meeting records are in lib/db/meeting-outcomes). Every signed-in person may read
// every service, so the agenda takes no viewer; the caller authenticates. Nothing here reads the answers table:
// only the summary columns that deciding a review froze onto it.

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

/** The quarter's exclusive end, or now while the quarter is still running (a future quarter is judged as of now). */
export function quarterAsOf(quarter: string, now: Date): Date {
  const end = quarterEnd(quarter);
  return end.getTime() < now.getTime() ? end : now;
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

function summary(
  id: string | null,
  decidedAt: Date | null,
  level: number | null,
  verdict: Verdict | null,
  counts: [number | null, number | null, number | null],
): DecidedSummary | null {
  if (id === null || decidedAt === null) return null;
  return {
    reviewId: id,
    decidedAt,
    level: asLevel(level),
    verdict,
    openBlockers: counts[0] ?? 0,
    notMet: counts[1] ?? 0,
    partial: counts[2] ?? 0,
  };
}

function toDueService(row: AgendaRow & { position: number; id: string }, asOf: Date): DueService {
  const latest = summary(row.cur_id, row.cur_decided_at, row.cur_level, row.cur_verdict, [
    row.cur_blockers,
    row.cur_not_met,
    row.cur_partial,
  ]);
  const previous = summary(row.prev_id, row.prev_decided_at, row.prev_level, row.prev_verdict, [
    row.prev_blockers,
    row.prev_not_met,
    row.prev_partial,
  ]);
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
    daysSinceReview: lastDecidedAt ? elapsedDays(lastDecidedAt, asOf) : null,
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

type AgendaScope = { team: string | null; serviceId: string | null; offset: number; limit: number };

/** The agenda's statement for a quarter as judged at `now`. */
function agendaQuery(quarter: string, now: Date, scope: AgendaScope) {
  const asOf = quarterAsOf(quarter, now);
  const asOfDay = isoDay(asOf);
  return agendaSql({
    quarter,
    ...scope,
    asOf,
    // Strictly older than 90 × 24 h is due, exactly like reviewDueReason.
    staleBefore: reviewOverdueBefore(asOf),
    asOfDay,
    untilDay: addDays(asOfDay, EXPIRING_WAIVER_DAYS) ?? asOfDay,
    isPast: asOf.getTime() < now.getTime(),
  });
}

/** Whether the service is on the quarter's agenda (due then, or already given an outcome), read inside `tx`. */
export async function isOnAgenda(tx: Pick<Tx, "$queryRaw">, quarter: string, serviceId: string, now: Date): Promise<boolean> {
  const rows = await tx.$queryRaw<AgendaRow[]>(agendaQuery(quarter, now, { team: null, serviceId, offset: 0, limit: 1 }));
  return (rows[0]?.total ?? 0) > 0;
}

/** One page of the quarter's agenda, ordered, counted and paged by the database. Unknown quarter → NOT_FOUND. */
export async function listDueServices(quarter: string, options: DueServicesOptions = {}): Promise<DueServicesPage> {
  if (!parseQuarter(quarter)) throw new AppError("NOT_FOUND", `There is no quarter "${quarter}"`);
  const now = options.now ?? new Date();
  const asOf = quarterAsOf(quarter, now);
  const { page, pageSize } = pageRequest(options, AGENDA_PAGE_SIZE, AGENDA_PAGE_SIZE);
  const query = agendaQuery(quarter, now, {
    team: options.team ?? null,
    serviceId: null,
    offset: pageOffset(page, pageSize),
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
    rows: rows.flatMap((row) =>
      row.position !== null && row.id !== null ? [toDueService({ ...row, position: row.position, id: row.id }, asOf)] : [],
    ),
    total,
    page,
    pageSize,
    pageCount: pageCount(total, pageSize),
    counts: {
      regressions: head?.regressions ?? 0,
      expiringWaivers: head?.expiring ?? 0,
      pendingTriggers: head?.triggers ?? 0,
      reviewed: head?.reviewed ?? 0,
      followUp: head?.follow_up ?? 0,
    },
  };
}
