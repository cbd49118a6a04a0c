import { db } from "@/lib/db/client";
import { CURRENT_LEVEL_SQL, targetLevelSql, timestampSql as ts } from "@/lib/db/sql-fragments";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { buildMovementMatrix, type MovementLevel, type MovementMatrix, type MovementPair } from "@/lib/domain/movement-matrix";
import {
  largestRemainderPercents,
  VERDICT_KEYS,
  type LevelDistribution,
  type TargetAttainment,
  type VerdictShares,
} from "@/lib/domain/portfolio";
import { quarterEnd, quarterStart, reviewOverdueBefore } from "@/lib/domain/quarters";
import type { TierTargets } from "@/lib/domain/targets";
import { VERDICTS, type AchievedLevel, type Tier, type Verdict } from "@/lib/domain/types";
import { addDays, isoDay } from "@/lib/domain/days";
import { EXPIRING_WAIVER_DAYS } from "@/lib/domain/waivers";
import { cachedUntilChange, portfolioChangeToken } from "@/lib/db/change-token";
import { Prisma } from "@/lib/generated/prisma/client";

// Leadership figures over the whole portfolio. Every signed-in person may read every service, so these reads take
// no viewer; the caller authenticates. Nothing here reads the answers table: current figures come from the summary
// columns on services, history from the summary columns on decided reviews. Each figure's statement has a builder
// of its own (…Sql), which `npm run bench` runs as the page's floor.

export type PortfolioFilter = { teamId?: string; tier?: Tier };

export type LevelCounts = { levels: LevelDistribution; notReviewed: number; total: number };
export type QuarterLevels = LevelCounts & { quarter: string };
export type TeamLevels = LevelCounts & { team: { id: string; slug: string; name: string } };
export type QuarterVerdicts = { quarter: string; counts: Record<Verdict, number>; total: number };
export type LevelHistory = { quarters: QuarterLevels[]; movement: { from: string; to: string; matrix: MovementMatrix } };

export type PortfolioHeadline = {
  services: number;
  /** Over services with a decided review: a service nobody reviewed is neither on nor off target. */
  target: TargetAttainment;
  /** Over every service; "NONE" = no decided review yet. */
  verdicts: VerdictShares;
  /** Not retired and no decided review in the last 90 days; `total` = services that are not retired. */
  overdue: { count: number; total: number };
  /** Approved waivers on each service's latest decided review expiring between `from` and `until` (inclusive). */
  expiringWaivers: { count: number; services: number; from: string; until: string };
};

function emptyLevels(): LevelCounts {
  return { levels: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 }, notReviewed: 0, total: 0 };
}

/** Levels are plain integers in the database; anything off the product's scale reads as "no level". */
function asLevel(value: number | null): AchievedLevel | null {
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 4 ? (value as AchievedLevel) : null;
}

function addCount(counts: LevelCounts, level: number | null, n: number): void {
  const achieved = asLevel(level);
  if (achieved === null) counts.notReviewed += n;
  else counts.levels[achieved] += n;
  counts.total += n;
}

function hasFilter(filter: PortfolioFilter): boolean {
  return filter.teamId !== undefined || filter.tier !== undefined;
}

/** Conditions on `services s`; TRUE when unfiltered. */
function serviceWhere(filter: PortfolioFilter): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (filter.teamId !== undefined) parts.push(Prisma.sql`s.team_id = ${filter.teamId}::uuid`);
  if (filter.tier !== undefined) parts.push(Prisma.sql`s.tier = ${filter.tier}::int`);
  return Prisma.join(parts, " AND ");
}

/**
 * `FROM … WHERE …` yielding the decided reviews in scope as `r` (service_id, decided_at, level, decision,
 * computed_verdict) that also satisfy `condition`. A team holds a few hundred services at most, so one index probe
 * per service beats reading every review — but the planner, costing each scattered heap page as a disk read,
 * prefers a hash join over a full scan (measured: 4× slower for a 200-service team); OFFSET 0 keeps the LATERAL
 * per service.
 * Without a team, reading every review once is the cheapest plan, and the join is skipped when nothing filters.
 */
function decidedReviews(filter: PortfolioFilter, condition: Prisma.Sql): Prisma.Sql {
  if (filter.teamId !== undefined) {
    return Prisma.sql`services s CROSS JOIN LATERAL (
      SELECT r.service_id, r.decided_at, r.level, r.decision, r.computed_verdict FROM reviews r
      WHERE r.service_id = s.id AND r.status = 'DECIDED' AND ${condition} OFFSET 0) r
      WHERE ${serviceWhere(filter)}`;
  }
  const join = hasFilter(filter) ? Prisma.sql`JOIN services s ON s.id = r.service_id AND ${serviceWhere(filter)}` : Prisma.empty;
  return Prisma.sql`reviews r ${join} WHERE r.status = 'DECIDED' AND ${condition}`;
}

type HeadlineRow = {
  services: number;
  reviewed: number;
  at_target: number;
  go: number;
  conditional_go: number;
  no_go: number;
  active: number;
  overdue: number;
  waivers: number;
  waiver_services: number;
};

type HeadlineStatement = { sql: Prisma.Sql; today: string; until: string };

export function headlineSql(filter: PortfolioFilter, targets: TierTargets, asOf: Date): HeadlineStatement {
  // Strictly older than 90 × 24 h is due, like reviewDueReason: a review exactly 90 days old still covers.
  const staleBefore = reviewOverdueBefore(asOf);
  const today = isoDay(asOf);
  const until = addDays(today, EXPIRING_WAIVER_DAYS) ?? today;
  const where = serviceWhere(filter);
  const sql = Prisma.sql`
    SELECT f.*, w.waivers, w.waiver_services FROM (
      SELECT count(*)::int AS services,
        count(*) FILTER (WHERE s.last_decided_at IS NOT NULL)::int AS reviewed,
        count(*) FILTER (WHERE s.last_decided_at IS NOT NULL AND s.current_level >= ${targetLevelSql(targets)})::int AS at_target,
        count(*) FILTER (WHERE s.current_verdict = 'GO')::int AS go,
        count(*) FILTER (WHERE s.current_verdict = 'CONDITIONAL_GO')::int AS conditional_go,
        count(*) FILTER (WHERE s.current_verdict = 'NO_GO')::int AS no_go,
        count(*) FILTER (WHERE s.lifecycle <> 'RETIRED')::int AS active,
        count(*) FILTER (WHERE s.lifecycle <> 'RETIRED'
          AND (s.last_decided_at IS NULL OR s.last_decided_at < ${ts(staleBefore)}))::int AS overdue
      FROM services s WHERE ${where}
    ) f CROSS JOIN (
      SELECT count(*)::int AS waivers, count(DISTINCT s.id)::int AS waiver_services
      FROM waivers wv JOIN services s ON s.last_review_id = wv.review_id AND ${where}
      WHERE wv.status = 'APPROVED' AND wv.expires_on BETWEEN ${today}::date AND ${until}::date
    ) w`;
  return { sql, today, until };
}

export async function getPortfolioHeadline(filter: PortfolioFilter, asOf: Date): Promise<PortfolioHeadline> {
  const { sql, today, until } = headlineSql(filter, await loadTierTargets(), asOf);
  const [row] = await db().$queryRaw<HeadlineRow[]>(sql);
  if (!row) throw new Error("portfolio headline query returned no row");

  const verdictCounts = [row.go, row.conditional_go, row.no_go, row.services - row.go - row.conditional_go - row.no_go];
  const percents = largestRemainderPercents(verdictCounts, 1);
  return {
    services: row.services,
    target: { count: row.at_target, total: row.reviewed, share: row.reviewed === 0 ? 0 : row.at_target / row.reviewed },
    verdicts: {
      total: row.services,
      shares: VERDICT_KEYS.map((verdict, i) => ({ verdict, count: verdictCounts[i] ?? 0, percent: percents[i] ?? 0 })),
    },
    overdue: { count: row.overdue, total: row.active },
    expiringWaivers: { count: row.waivers, services: row.waiver_services, from: today, until },
  };
}

type HistoryRow = { kind: "quarter" | "movement"; a: number | null; b: number | null; n: number };

/**
 * Each service's level at the end of each chart quarter and of the two movement quarters, in ONE pass over
 * the decided reviews: per service, the latest review decided before each quarter end wins. Reviews are keyed
 * by (decided_at in ms, level) packed into one bigint, so "the level of the latest review" is a plain max()
 * (two reviews of one service in the same millisecond: the higher level wins). Measured at 10,000 services ×
 * 20 reviews this costs about half the CPU of a LATERAL LIMIT 1 per (service, quarter) and a ninth of a
 * DISTINCT ON per quarter. The OFFSET 0 fence computes the key once per review instead of once per aggregate. Services count from their creation (or their first review,
 * for imported history) so a quarter is not padded with services that did not exist yet.
 */
export async function getLevelHistory(filter: PortfolioFilter, window: HistoryWindow): Promise<LevelHistory> {
  const token = await portfolioChangeToken();
  return cachedUntilChange(`levels:${JSON.stringify([filter, window])}`, token, () => computeLevelHistory(filter, window));
}

type HistoryWindow = { quarters: readonly string[]; from: string; to: string };

export function levelHistorySql(filter: PortfolioFilter, window: HistoryWindow): Prisma.Sql {
  const ends = window.quarters.map(quarterEnd);
  const toEnd = quarterEnd(window.to);
  // The movement quarters usually lie inside the chart window; they get an aggregate of their own only when not.
  const points = [...ends];
  const position = (end: Date) => {
    const found = points.findIndex((point) => point.getTime() === end.getTime());
    if (found >= 0) return found + 1;
    points.push(end);
    return points.length;
  };
  const fromAt = position(quarterEnd(window.from));
  const toAt = position(toEnd);
  const lastEnd = new Date(Math.max(...points.map((point) => point.getTime())));
  const asOfEach = Prisma.join(points.map((end) => Prisma.sql`max(k) FILTER (WHERE decided_at < ${ts(end)})`));

  return Prisma.sql`
    WITH keyed AS (
      SELECT r.service_id, r.decided_at,
        floor(date_part('epoch', r.decided_at) * 1000)::bigint * 8 + r.level AS k
      FROM ${decidedReviews(filter, Prisma.sql`r.decided_at < ${ts(lastEnd)} AND r.level BETWEEN 0 AND 4`)}
      OFFSET 0
    ), per_service AS (
      SELECT service_id, ARRAY[${asOfEach}] AS ks FROM keyed GROUP BY service_id
    ), as_of AS (
      SELECT s.created_at, p.ks[1:${ends.length}::int] AS ks, p.ks[${fromAt}::int] AS kf, p.ks[${toAt}::int] AS kt
      FROM services s LEFT JOIN per_service p ON p.service_id = s.id
      WHERE ${serviceWhere(filter)}
    )
    SELECT 'quarter' AS kind, q.i::int AS a, (q.k % 8)::int AS b, count(*)::int AS n
    FROM as_of CROSS JOIN LATERAL unnest(as_of.ks, ARRAY[${Prisma.join(ends.map(ts))}]) WITH ORDINALITY AS q(k, q_end, i)
    WHERE q.k IS NOT NULL OR as_of.created_at < q.q_end
    GROUP BY 2, 3
    UNION ALL
    SELECT 'movement', (kf % 8)::int, (kt % 8)::int, count(*)::int FROM as_of
    WHERE kt IS NOT NULL OR created_at < ${ts(toEnd)}
    GROUP BY 2, 3`;
}

async function computeLevelHistory(filter: PortfolioFilter, window: HistoryWindow): Promise<LevelHistory> {
  const rows = await db().$queryRaw<HistoryRow[]>(levelHistorySql(filter, window));
  const quarters = window.quarters.map((quarter) => ({ quarter, ...emptyLevels() }));
  const pairs: MovementPair[] = [];
  for (const row of rows) {
    if (row.kind === "quarter") {
      const target = row.a === null ? undefined : quarters[row.a - 1];
      if (target) addCount(target, row.b, row.n);
      continue;
    }
    const from: MovementLevel = asLevel(row.a);
    const to: MovementLevel = asLevel(row.b);
    // The SQL already counted one row per service; buildMovementMatrix only needs distinct ids to count them once.
    for (let i = 0; i < row.n; i += 1) pairs.push({ serviceId: `${row.a}:${row.b}:${i}`, from, to });
  }
  return { quarters, movement: { from: window.from, to: window.to, matrix: buildMovementMatrix(pairs) } };
}

type VerdictRow = { i: number; verdict: string | null; n: number };

/** Decisions recorded per quarter by verdict (the approver's decision, else the computed verdict). */
export async function getVerdictsOverTime(filter: PortfolioFilter, quarters: readonly string[]): Promise<QuarterVerdicts[]> {
  const token = await portfolioChangeToken();
  return cachedUntilChange(`verdicts:${JSON.stringify([filter, quarters])}`, token, () => computeVerdictsOverTime(filter, quarters));
}

/** null when there are no quarters to count. */
export function verdictsSql(filter: PortfolioFilter, quarters: readonly string[]): Prisma.Sql | null {
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) return null;
  // Bucket i (1-based) = decided in quarters[i - 1]; boundaries in UTC, independent of the session time zone.
  const bounds = Prisma.join([...quarters.map((quarter) => ts(quarterStart(quarter))), ts(quarterEnd(last))]);
  return Prisma.sql`
    SELECT width_bucket(r.decided_at, ARRAY[${bounds}]) AS i,
      coalesce(r.decision, r.computed_verdict)::text AS verdict, count(*)::int AS n
    FROM ${decidedReviews(filter, Prisma.sql`r.decided_at >= ${ts(quarterStart(first))} AND r.decided_at < ${ts(quarterEnd(last))}`)}
    GROUP BY 1, 2`;
}

async function computeVerdictsOverTime(filter: PortfolioFilter, quarters: readonly string[]): Promise<QuarterVerdicts[]> {
  const result = quarters.map((quarter) => ({ quarter, counts: { GO: 0, CONDITIONAL_GO: 0, NO_GO: 0 }, total: 0 }));
  const sql = verdictsSql(filter, quarters);
  if (!sql) return result;
  const rows = await db().$queryRaw<VerdictRow[]>(sql);
  for (const row of rows) {
    const bucket = result[row.i - 1];
    const verdict = VERDICTS.find((v) => v === row.verdict);
    if (!bucket || !verdict) continue;
    bucket.counts[verdict] += row.n;
    bucket.total += row.n;
  }
  return result;
}

type TeamRow = { id: string; slug: string; name: string; level: number | null; n: number };

/** Current level distribution per team (teams without services in scope are left out), by team name. */
export function levelsByTeamSql(filter: PortfolioFilter): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id::text AS id, t.slug, t.name, ${CURRENT_LEVEL_SQL} AS level, count(*)::int AS n
    FROM services s JOIN teams t ON t.id = s.team_id
    WHERE ${serviceWhere(filter)}
    GROUP BY t.id, 4
    ORDER BY t.name, t.id`;
}

export async function getLevelsByTeam(filter: PortfolioFilter): Promise<TeamLevels[]> {
  const rows = await db().$queryRaw<TeamRow[]>(levelsByTeamSql(filter));
  const byTeam = new Map<string, TeamLevels>();
  for (const row of rows) {
    let team = byTeam.get(row.id);
    if (!team) {
      team = { team: { id: row.id, slug: row.slug, name: row.name }, ...emptyLevels() };
      byTeam.set(row.id, team);
    }
    addCount(team, row.level, row.n);
  }
  return [...byTeam.values()];
}
