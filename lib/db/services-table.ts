import { db } from "@/lib/db/client";
import { targetLevelSql, verdictRankSql } from "@/lib/db/sql-fragments";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { isoDay } from "@/lib/domain/days";
import { pageCount, pageOffset, pageRequest, paginate, type Paginated } from "@/lib/domain/pagination";
import { isReviewDue, nextReviewDue, reviewOverdueBefore } from "@/lib/domain/quarters";
import type { TierTargets } from "@/lib/domain/targets";
import type { AchievedLevel, LifecycleStage, Level, Tier, Verdict } from "@/lib/domain/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_STATE, type ServicesTableState, type SortKey } from "@/lib/schemas/services-table";

// The services table reads one row per service: the summary columns written when a review is decided
// (never the answers table), so filtering, sorting and paging stay in SQL and stay fast at 10,000 services.
// Every value from the URL reaches SQL as a bind parameter; only whitelisted fragments are SQL text.
// This is the one service list: the table, its CSV export and GET /api/v1/services all read it, so a service's
// current level is everywhere the level of its latest decided review. Every signed-in person may read every
// service, so these reads take no viewer; the caller authenticates.

export type LevelVsTarget = "below" | "met" | "above";

export type ServicesTableRow = {
  id: string;
  slug: string;
  name: string;
  team: { slug: string; name: string };
  tier: Tier;
  lifecycle: LifecycleStage;
  updatedAt: Date;
  /** From the latest decided review; null when the service was never decided. */
  level: AchievedLevel | null;
  targetLevel: Level;
  /** A service without a level has not shown it reaches its target, so it counts as below. */
  vsTarget: LevelVsTarget;
  verdict: Verdict | null;
  lastDecidedAt: Date | null;
  /** null when a review is due now because there never was a decided one. */
  nextReviewDue: Date | null;
  isOverdue: boolean;
  openBlockers: number;
  /** Approved, unexpired waivers on the latest decided review. */
  activeWaivers: number;
};

export type ServicesTablePage = { rows: ServicesTableRow[]; total: number; page: number; pageCount: number };

export type ServicesTableOptions = {
  /** The clock for the overdue rule; tests pass a fixed one. */
  now?: Date;
  /** The calendar day (YYYY-MM-DD, UTC) on which waivers are judged; defaults to now's. */
  today?: string;
};

/** A bigger export is cut here so one request cannot hold the server's memory hostage. */
export const EXPORT_ROW_LIMIT = 50_000;

type RawRow = {
  id: string;
  slug: string;
  name: string;
  team_slug: string;
  team_name: string;
  tier: number;
  lifecycle: LifecycleStage;
  updated_at: Date;
  current_level: number | null;
  current_verdict: Verdict | null;
  last_decided_at: Date | null;
  open_blockers: number;
  active_waivers: number;
};

/** Postgres reads % and _ in a LIKE pattern as wildcards; a search for "a_b" means those three characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Filters read only the services row (teams by a subquery), so the count never joins. */
function whereSql(state: ServicesTableState, target: Prisma.Sql, overdueBefore: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (state.q) {
    const pattern = `%${escapeLike(state.q)}%`;
    conditions.push(Prisma.sql`(s.name ILIKE ${pattern} OR s.slug ILIKE ${pattern})`);
  }
  if (state.teams.length > 0) {
    conditions.push(Prisma.sql`s.team_id IN (SELECT id FROM teams WHERE slug = ANY(${state.teams}::text[]))`);
  }
  if (state.tier !== null) conditions.push(Prisma.sql`s.tier = ${state.tier}::int`);
  if (state.level === "none") conditions.push(Prisma.sql`s.current_level IS NULL`);
  else if (state.level !== null) conditions.push(Prisma.sql`s.current_level = ${state.level}::int`);
  if (state.verdict === "none") conditions.push(Prisma.sql`s.current_verdict IS NULL`);
  else if (state.verdict !== null) conditions.push(Prisma.sql`s.current_verdict = ${state.verdict}::"Verdict"`);
  if (state.target === "below") conditions.push(Prisma.sql`(s.current_level IS NULL OR s.current_level < ${target})`);
  else if (state.target === "met") conditions.push(Prisma.sql`s.current_level >= ${target}`);
  // Same rule as isReviewDue: exactly 90 × 24 h after the decision is still covered; later is overdue.
  if (state.overdue) conditions.push(Prisma.sql`(s.last_decided_at IS NULL OR s.last_decided_at < ${overdueBefore})`);
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

type SortExpression = { sql: Prisma.Sql; isNullable: boolean };
const nullable = (sql: Prisma.Sql): SortExpression => ({ sql, isNullable: true });
const notNull = (sql: Prisma.Sql): SortExpression => ({ sql, isNullable: false });

/** The only SQL a sort key can become. "Level vs target" sorts by the gap, then by the level itself. */
function sortExpressions(sort: SortKey, target: Prisma.Sql): SortExpression[] {
  switch (sort) {
    case "name":
      return [notNull(Prisma.sql`lower(s.name)`)];
    case "team":
      return [notNull(Prisma.sql`lower(t.name)`)];
    case "tier":
      return [notNull(Prisma.sql`s.tier`)];
    case "level":
      return [nullable(Prisma.sql`(s.current_level - ${target})`), nullable(Prisma.sql`s.current_level`)];
    case "verdict":
      return [nullable(verdictRankSql(Prisma.sql`s.current_verdict`))];
    // Next due is last decided + a constant, so both sort alike; never decided is "due now", the earliest.
    case "lastDecided":
    case "nextDue":
      return [nullable(Prisma.sql`s.last_decided_at`)];
    case "blockers":
      return [notNull(Prisma.sql`s.open_blockers`)];
  }
}

/** Names the sort keys get as columns, so the outer query can repeat the inner query's order. */
const SORT_COLUMNS = [Prisma.sql`sort_0`, Prisma.sql`sort_1`];

type Ordering = { columns: Prisma.Sql; orderBy: Prisma.Sql };

/**
 * The sort keys as named columns, and an ORDER BY over those names that is valid both in the query that
 * computes them (as output names) and around it (as its columns).
 */
function ordering(state: ServicesTableState, target: Prisma.Sql): Ordering {
  const asc = state.dir === "asc";
  const keys = sortExpressions(state.sort, target).map((key, i) => ({ ...key, name: SORT_COLUMNS[i] ?? Prisma.empty }));
  // A missing value (no level, no verdict, never decided) is the lowest: it leads ascending and trails descending.
  // Keys that are never null get no NULLS clause, so the order matches their index (lower(name) for the default view).
  const direction = (isNullable: boolean) =>
    isNullable ? (asc ? Prisma.sql`ASC NULLS FIRST` : Prisma.sql`DESC NULLS LAST`) : asc ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return {
    columns: Prisma.join(
      keys.map((key) => Prisma.sql`${key.sql} AS ${key.name}`),
      ", ",
    ),
    // name then id break ties, so paging never repeats or skips a row.
    orderBy: Prisma.join(
      [...keys.map((key) => Prisma.sql`${key.name} ${direction(key.isNullable)}`), Prisma.sql`name_key ASC, uid ASC`],
      ", ",
    ),
  };
}

export type ViewQuery = { state: ServicesTableState; targets: TierTargets; now: Date; today: string };

const overdueBefore = reviewOverdueBefore;

function rowsSql({ state, targets, now, today }: ViewQuery, limit: number, offset: number): Prisma.Sql {
  const target = targetLevelSql(targets);
  const { columns, orderBy } = ordering(state, target);
  // Waivers are counted around the paged query, so only the rows of this page pay for it (one probe each of
  // waivers_review_id_idx), however deep the OFFSET.
  return Prisma.sql`
    SELECT p.id, p.slug, p.name, p.team_slug, p.team_name, p.tier, p.lifecycle, p.updated_at, p.current_level, p.current_verdict,
           p.last_decided_at, p.open_blockers, aw.active_waivers
    FROM (
      SELECT s.id::text AS id, s.slug, s.name, t.slug AS team_slug, t.name AS team_name, s.tier,
             s.lifecycle::text AS lifecycle, s.updated_at, s.current_level,
             s.current_verdict::text AS current_verdict, s.last_decided_at, s.open_blockers, s.last_review_id,
             ${columns}, lower(s.name) AS name_key, s.id AS uid
      FROM services s
      JOIN teams t ON t.id = s.team_id
      ${whereSql(state, target, overdueBefore(now))}
      ORDER BY ${orderBy}
      LIMIT ${limit}::int OFFSET ${offset}::int
    ) p
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS active_waivers
      FROM waivers w
      WHERE w.review_id = p.last_review_id AND w.status = 'APPROVED' AND w.expires_on >= ${today}::date
    ) aw ON true
    ORDER BY ${orderBy}`;
}

function countSql({ state, targets, now }: ViewQuery): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS total FROM services s ${whereSql(state, targetLevelSql(targets), overdueBefore(now))}`;
}

export type ServicesTableStatements = { rows: Prisma.Sql; count: Prisma.Sql };

/** The statements behind one page of a view: what the list runs, and what `npm run bench` measures as its floor. */
export function servicesTableSql(query: ViewQuery, limit: number, offset: number): ServicesTableStatements {
  return { rows: rowsSql(query, limit, offset), count: countSql(query) };
}

/**
 * The page and the count run side by side. They are two snapshots, so a service created in between can be
 * counted and not listed (or the reverse) for that one request, which a list can live with.
 */
async function run(query: ViewQuery, limit: number, offset: number): Promise<{ raws: RawRow[]; total: number }> {
  const statements = servicesTableSql(query, limit, offset);
  const [raws, counted] = await Promise.all([
    db().$queryRaw<RawRow[]>(statements.rows),
    db().$queryRaw<{ total: number }[]>(statements.count),
  ]);
  return { raws, total: counted[0]?.total ?? 0 };
}

function toAchievedLevel(value: number | null): AchievedLevel | null {
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 4 ? (value as AchievedLevel) : null;
}

function toRow(raw: RawRow, targets: TierTargets, now: Date): ServicesTableRow {
  // The database holds tier to 1–3 with a CHECK constraint, so `as Tier` only restates it.
  const tier = raw.tier as Tier;
  const level = toAchievedLevel(raw.current_level);
  const targetLevel = targets[tier];
  const vsTarget: LevelVsTarget = level === null || level < targetLevel ? "below" : level === targetLevel ? "met" : "above";
  const due = nextReviewDue(raw.last_decided_at);
  return {
    id: raw.id,
    slug: raw.slug,
    name: raw.name,
    team: { slug: raw.team_slug, name: raw.team_name },
    tier,
    lifecycle: raw.lifecycle,
    updatedAt: raw.updated_at,
    level,
    targetLevel,
    vsTarget,
    verdict: raw.current_verdict,
    lastDecidedAt: raw.last_decided_at,
    nextReviewDue: due === "now" ? null : due,
    isOverdue: isReviewDue({ lastDecidedAt: raw.last_decided_at, pendingTrigger: false, asOf: now }),
    openBlockers: raw.open_blockers,
    activeWaivers: raw.active_waivers,
  };
}

/** The UTC calendar day of an instant, as waivers count days. */
export const utcDay = isoDay;

async function prepare(state: ServicesTableState, options: ServicesTableOptions): Promise<ViewQuery> {
  const now = options.now ?? new Date();
  return { state, targets: await loadTierTargets(), now, today: options.today ?? utcDay(now) };
}

/** One page of the table, filtered, sorted and paged by the database. */
export async function queryServicesTable(state: ServicesTableState, options: ServicesTableOptions = {}): Promise<ServicesTablePage> {
  const query = await prepare(state, options);
  const { raws, total } = await run(query, state.size, pageOffset(state.page, state.size));
  return {
    rows: raws.map((raw) => toRow(raw, query.targets, query.now)),
    total,
    page: state.page,
    pageCount: pageCount(total, state.size),
  };
}

export type ServicesTableExport = { rows: ServicesTableRow[]; total: number; isTruncated: boolean };

/** Every row of the view, in the view's order, up to EXPORT_ROW_LIMIT; page and page size are ignored. */
export async function exportServicesTable(state: ServicesTableState, options: ServicesTableOptions = {}): Promise<ServicesTableExport> {
  const query = await prepare(state, options);
  const { raws, total } = await run(query, EXPORT_ROW_LIMIT, 0);
  return { rows: raws.map((raw) => toRow(raw, query.targets, query.now)), total, isTruncated: total > raws.length };
}

export type ListServicesOptions = { q?: string; team?: string; tier?: Tier; page?: number; pageSize?: number };
export type ServiceList = Paginated<ServicesTableRow>;

const MAX_PAGE_SIZE = 100;

/** The list for API clients: the table's default view (by name) with its filters, in pages of any size up to 100. */
export async function listServices(options: ListServicesOptions = {}, tableOptions: ServicesTableOptions = {}): Promise<ServiceList> {
  const { page, pageSize } = pageRequest(options, 20, MAX_PAGE_SIZE);
  const state: ServicesTableState = {
    ...DEFAULT_STATE,
    q: options.q?.trim() ?? "",
    teams: options.team ? [options.team] : [],
    tier: options.tier ?? null,
  };
  const query = await prepare(state, tableOptions);
  const { raws, total } = await run(query, pageSize, pageOffset(page, pageSize));
  return paginate(
    raws.map((raw) => toRow(raw, query.targets, query.now)),
    total,
    page,
    pageSize,
  );
}
