import { timestampSql as ts, verdictRankSql } from "@/lib/db/sql-fragments";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewTrigger, Verdict } from "@/lib/domain/types";

// The quarterly agenda's one SQL statement and the rows it returns; lib/db/quarterly-agenda turns them into pages.

export type AgendaQuery = {
  quarter: string;
  /** Team slug; null = every team. */
  team: string | null;
  /** One service's place on the agenda; null = every service. */
  serviceId: string | null;
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
export type AgendaRow = {
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

/**
 * One statement. Candidates come from the services row alone (summary columns, the set of pending triggers read
 * through reviews_status_idx, the quarter's outcomes). Ordering needs "regression" for every due service, so each
 * due service — never the whole portfolio — pays one probe of reviews_service_decided_idx for its previous review
 * and one of waivers_review_id_idx; the latest review is the services row itself. Only a past quarter looks up
 * history for services decided after it ended (gated per row, so the current quarter never runs that probe), and
 * only the page's rows read the latest review's remaining counts.
 */
export function agendaSql(q: AgendaQuery): Prisma.Sql {
  const asOf = ts(q.asOf);
  const team = q.team === null ? Prisma.empty : Prisma.sql`AND s.team_id = (SELECT id FROM teams WHERE slug = ${q.team})`;
  const service = q.serviceId === null ? Prisma.empty : Prisma.sql`AND s.id = ${q.serviceId}::uuid`;
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
      WHERE s.lifecycle <> 'RETIRED' ${team} ${service} ${created("s")}
        AND (p.service_id IS NOT NULL OR mo.id IS NOT NULL OR s.last_decided_at IS NULL
          OR s.last_decided_at < ${ts(q.staleBefore)} OR s.last_decided_at >= ${asOf})
    ), facts AS (
      SELECT c.id, c.slug, c.name, c.tier, c.team_id, c.pending_trigger, c.outcome,
        cur.id AS cur_id, cur.decided_at AS cur_decided_at, cur.level AS cur_level, cur.verdict AS cur_verdict, cur.blockers AS cur_blockers,
        prev.id AS prev_id, prev.decided_at AS prev_decided_at, prev.level AS prev_level, prev.verdict AS prev_verdict,
        prev.blockers AS prev_blockers, prev.not_met_count AS prev_not_met, prev.partial_count AS prev_partial,
        ew.n AS expiring_count, ew.soonest::text AS expiring_soonest,
        COALESCE(prev.id IS NOT NULL AND (cur.level < prev.level OR ${verdictRankSql(Prisma.sql`cur.verdict`)} < ${verdictRankSql(Prisma.sql`prev.verdict`)}
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
