// "The floor" for `npm run bench`: the SQL each measured page runs, straight against Postgres. A page
// can never be faster than its queries, so the bench reports page time next to this, and the ratio
// shows what rendering, auth and the ORM add. These mirror the default (unfiltered) views of
// lib/db/portfolio.ts, services-table.ts, services.ts (getServiceBySlug) and service-history.ts; when a
// page's queries change, change its set here, or the ratio stops meaning anything.

import { isoDay, shiftDays } from "@/lib/domain/days";
import { addQuarters, currentQuarter, lastQuarters, quarterEnd, quarterStart, reviewOverdueBefore } from "@/lib/domain/quarters";
import { defaultTierTargets, type TierTargets } from "@/lib/domain/targets";
import { EXPIRING_WAIVER_DAYS } from "@/lib/domain/waivers";

export type FloorQuery = { name: string; text: string; values?: readonly unknown[] };
/**
 * One page: its path on the server and its queries as steps. Steps run one after another; the queries
 * of one step run at the same time on separate connections, as the page starts them together
 * (Promise.all), so the floor is the page's own critical path and not the sum of everything.
 */
export type FloorSet = { key: "portfolio" | "services" | "service"; label: string; path: string; steps: FloorQuery[][] };

export type FloorOptions = {
  /** The signed-in user: every page looks them up with their teams. */
  viewerId: string;
  /** The service whose page is measured. */
  serviceSlug: string;
  /** Services table page (1-based) and page size, sorted by level ascending. */
  servicesPage?: number;
  pageSize?: number;
  targets?: TierTargets;
  now?: Date;
};

const PORTFOLIO_QUARTERS = 8;

const settings: FloorQuery = { name: "tier targets", text: "SELECT value FROM settings WHERE key = 'tierTargets'" };
const teams: FloorQuery = { name: "teams", text: "SELECT id, slug, name FROM teams ORDER BY name, id" };

function viewer(id: string): FloorQuery {
  return {
    name: "viewer",
    text: `SELECT u.id, u.email, u.name, u.role, u.disabled_at, array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL) AS team_ids
           FROM users u LEFT JOIN memberships m ON m.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
    values: [id],
  };
}

const targetSql = (t: TierTargets) => `(CASE s.tier WHEN 1 THEN ${t[1]} WHEN 2 THEN ${t[2]} WHEN 3 THEN ${t[3]} END)`;

function portfolio(o: FloorOptions, t: TierTargets, now: Date): FloorQuery[][] {
  const today = isoDay(now);
  const until = isoDay(shiftDays(now, EXPIRING_WAIVER_DAYS));
  const current = currentQuarter(now);
  const quarters = lastQuarters(current, PORTFOLIO_QUARTERS);
  const ends = quarters.map((q) => quarterEnd(q).toISOString());
  // The default movement window (previous → current quarter) lies inside the chart quarters.
  const fromAt = quarters.indexOf(addQuarters(current, -1)) + 1;
  const asOf = ends.map((_, i) => `max(k) FILTER (WHERE decided_at < $${i + 1}::timestamptz)`).join(", ");
  const bounds = [...quarters.map((q) => quarterStart(q).toISOString()), ends.at(-1) as string];
  return [
    [viewer(o.viewerId)],
    [teams],
    [settings],
    [
      {
        name: "headline: services, at target, verdict shares, overdue, waivers expiring within 30 days",
        text: `SELECT f.*, w.waivers, w.waiver_services FROM (
          SELECT count(*)::int AS services, count(*) FILTER (WHERE s.last_decided_at IS NOT NULL)::int AS reviewed,
            count(*) FILTER (WHERE s.last_decided_at IS NOT NULL AND s.current_level >= ${targetSql(t)})::int AS at_target,
            count(*) FILTER (WHERE s.current_verdict = 'GO')::int AS go,
            count(*) FILTER (WHERE s.current_verdict = 'CONDITIONAL_GO')::int AS conditional_go,
            count(*) FILTER (WHERE s.current_verdict = 'NO_GO')::int AS no_go,
            count(*) FILTER (WHERE s.lifecycle <> 'RETIRED')::int AS active,
            count(*) FILTER (WHERE s.lifecycle <> 'RETIRED' AND (s.last_decided_at IS NULL OR s.last_decided_at < $1::timestamptz))::int AS overdue
          FROM services s
        ) f CROSS JOIN (
          SELECT count(*)::int AS waivers, count(DISTINCT s.id)::int AS waiver_services
          FROM waivers wv JOIN services s ON s.last_review_id = wv.review_id
          WHERE wv.status = 'APPROVED' AND wv.expires_on BETWEEN $2::date AND $3::date
        ) w`,
        values: [reviewOverdueBefore(now).toISOString(), today, until],
      },
      {
        name: "level distribution at the end of each of the last 8 quarters, and the movement matrix",
        text: `WITH keyed AS (
          SELECT r.service_id, r.decided_at, floor(date_part('epoch', r.decided_at) * 1000)::bigint * 8 + r.level AS k
          FROM reviews r WHERE r.status = 'DECIDED' AND r.decided_at < $${ends.length}::timestamptz AND r.level BETWEEN 0 AND 4
          OFFSET 0
        ), per_service AS (
          SELECT service_id, ARRAY[${asOf}] AS ks FROM keyed GROUP BY service_id
        ), as_of AS (
          SELECT s.created_at, p.ks AS ks, p.ks[${fromAt}] AS kf, p.ks[${ends.length}] AS kt
          FROM services s LEFT JOIN per_service p ON p.service_id = s.id
        )
        SELECT 'quarter' AS kind, q.i::int AS a, (q.k % 8)::int AS b, count(*)::int AS n
        FROM as_of CROSS JOIN LATERAL unnest(as_of.ks, $${ends.length + 1}::timestamptz[]) WITH ORDINALITY AS q(k, q_end, i)
        WHERE q.k IS NOT NULL OR as_of.created_at < q.q_end
        GROUP BY 2, 3
        UNION ALL
        SELECT 'movement', (kf % 8)::int, (kt % 8)::int, count(*)::int FROM as_of
        WHERE kt IS NOT NULL OR created_at < $${ends.length}::timestamptz
        GROUP BY 2, 3`,
        values: [...ends, ends],
      },
      {
        name: "verdicts per quarter",
        text: `SELECT width_bucket(r.decided_at, $1::timestamptz[]) AS i, coalesce(r.decision, r.computed_verdict)::text AS verdict, count(*)::int AS n
             FROM reviews r WHERE r.status = 'DECIDED' AND r.decided_at >= $2::timestamptz AND r.decided_at < $3::timestamptz
             GROUP BY 1, 2`,
        values: [bounds, bounds[0], bounds.at(-1)],
      },
      {
        name: "levels by team",
        text: `SELECT t.id::text AS id, t.slug, t.name, CASE WHEN s.last_decided_at IS NULL THEN NULL ELSE s.current_level END AS level, count(*)::int AS n
             FROM services s JOIN teams t ON t.id = s.team_id GROUP BY t.id, 4 ORDER BY t.name, t.id`,
      },
    ],
  ];
}

function servicesTable(o: FloorOptions, t: TierTargets, now: Date): FloorQuery[][] {
  const size = o.pageSize ?? 25;
  const offset = ((o.servicesPage ?? 3) - 1) * size;
  const order = "sort_0 ASC NULLS FIRST, sort_1 ASC NULLS FIRST, name_key ASC, uid ASC";
  return [
    [viewer(o.viewerId)],
    [
      teams,
      {
        name: "viewer's teams",
        text: "SELECT id, slug, name FROM teams WHERE id IN (SELECT team_id FROM memberships WHERE user_id = $1) ORDER BY name, id",
        values: [o.viewerId],
      },
    ],
    [settings],
    [
      {
        name: "page of services by level, with active waivers",
        text: `SELECT p.id, p.slug, p.name, p.team_slug, p.team_name, p.tier, p.current_level, p.current_verdict,
               p.last_decided_at, p.open_blockers, aw.active_waivers
             FROM (
               SELECT s.id::text AS id, s.slug, s.name, t.slug AS team_slug, t.name AS team_name, s.tier, s.current_level,
                 s.current_verdict::text AS current_verdict, s.last_decided_at, s.open_blockers, s.last_review_id,
                 (s.current_level - ${targetSql(t)}) AS sort_0, s.current_level AS sort_1, lower(s.name) AS name_key, s.id AS uid
               FROM services s JOIN teams t ON t.id = s.team_id
               ORDER BY ${order} LIMIT $1 OFFSET $2
             ) p
             LEFT JOIN LATERAL (
               SELECT count(*)::int AS active_waivers FROM waivers w
               WHERE w.review_id = p.last_review_id AND w.status = 'APPROVED' AND w.expires_on >= $3::date
             ) aw ON true
             ORDER BY ${order}`,
        values: [size, offset, isoDay(now)],
      },
      { name: "count", text: "SELECT count(*)::int AS total FROM services s" },
    ],
  ];
}

function servicePage(o: FloorOptions): FloorQuery[][] {
  const byId = "(SELECT id FROM services WHERE slug = $1)";
  return [
    [viewer(o.viewerId)],
    [
      {
        name: "service with team and its 10 latest reviews",
        text: `SELECT s.id, s.slug, s.name, s.description, s.tier, s.lifecycle, s.repository_url, s.runbook_url, s.dashboard_url, s.on_call,
               s.version, s.created_at, s.updated_at, t.id AS team_id, t.name AS team_name, t.slug AS team_slug, r.*
             FROM services s JOIN teams t ON t.id = s.team_id
             LEFT JOIN LATERAL (
               SELECT r.id AS review_id, r.trigger, r.status, r.created_at AS review_created_at, r.decided_at, r.decision, r.level, r.target_level
               FROM reviews r WHERE r.service_id = s.id ORDER BY r.created_at DESC, r.id DESC LIMIT 10
             ) r ON true
             WHERE s.slug = $1`,
        values: [o.serviceSlug],
      },
    ],
    [
      {
        name: "service summary",
        text: `SELECT id, tier, current_level, current_verdict, last_decided_at FROM services WHERE id = ${byId}`,
        values: [o.serviceSlug],
      },
      {
        name: "decided history (up to 200)",
        text: `SELECT id, decided_at, trigger, level, level_without_waivers, target_level, decision, computed_verdict, open_blocker_count
             FROM reviews WHERE service_id = ${byId} AND status = 'DECIDED' AND decided_at IS NOT NULL
             ORDER BY decided_at DESC, id DESC LIMIT 200`,
        values: [o.serviceSlug],
      },
      {
        name: "open review",
        text: `SELECT id, status, trigger, created_at FROM reviews WHERE service_id = ${byId} AND status IN ('DRAFT', 'SUBMITTED')
             ORDER BY created_at DESC, id DESC LIMIT 1`,
        values: [o.serviceSlug],
      },
      settings,
    ],
  ];
}

export function benchFloorQueries(options: FloorOptions): FloorSet[] {
  const targets = options.targets ?? defaultTierTargets;
  const now = options.now ?? new Date();
  const page = options.servicesPage ?? 3;
  return [
    { key: "portfolio", label: "Portfolio", path: "/portfolio", steps: portfolio(options, targets, now) },
    {
      key: "services",
      label: `Services table (level ↑, page ${page})`,
      path: `/services?sort=level&dir=asc&page=${page}`,
      steps: servicesTable(options, targets, now),
    },
    { key: "service", label: "Service page", path: `/services/${encodeURIComponent(options.serviceSlug)}`, steps: servicePage(options) },
  ];
}
