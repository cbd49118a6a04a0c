// The decided-review summary, computed in SQL from the stored answers and waivers with the same
// rules as lib/domain (maturity.ts, verdict.ts, summary.ts); lib/db/seed-scale.int.test.ts checks
// every seeded review against evaluateReview. "Today" for a decided review is its decision day (UTC).
//
// Outcome per applicable item: MET; N/A with a non-blank reason → NA; otherwise an approved waiver
// active on decision day → WAIVED; then PARTIAL, NOT_MET; anything else (incl. N/A without a
// reason) → UNANSWERED. A level L is reached when every applicable item with level ≤ L counts.
//
// The pass is driven by the stored answers (plus waived items that have no answer), not by
// reviews × items: items without a row are found by comparing per-level row counts with the
// template's per-tier item counts. That avoids building and sorting a 1.2 M-row pair list per chunk.

import { DRAFT_RN, rk, uid, type SeedPlan } from "./seed-scale-sql";

const LEVELS = [1, 2, 3, 4] as const;

/**
 * Highest level reached given the lowest level of a row that does not count (`minUnmet`): also capped
 * below the lowest level with fewer rows than applicable items (an unanswered item), else 4.
 */
function levelFromCounts(minUnmet: string): string {
  const gaps = LEVELS.map((l) => `CASE WHEN coalesce(c.n${l}, 0) < tiers.a${l} THEN ${l} ELSE 5 END`).join(", ");
  return `least(coalesce(${minUnmet}, 5), ${gaps}) - 1`;
}

/** Fills the summary columns of the decided reviews of services lo..hi of this run. */
export function updateSummariesSql(p: SeedPlan, lo: number, hi: number): string {
  const t = p.targets;
  // The chunk's reviews (and so their answers and waivers) are one id range: saying so lets the planner
  // range-scan the answers index instead of probing it per row or hashing the whole table.
  const reviewIds = (col: string) =>
    `${col} BETWEEN ${uid(p, "review", rk(String(lo), "0"))} AND ${uid(p, "review", rk(String(hi), String(DRAFT_RN)))}`;
  const perLevel = (prefix: string, cond: string) =>
    LEVELS.map((l) => `count(*) FILTER (WHERE ${cond} level = ${l})::int AS ${prefix}${l}`).join(", ");
  return `WITH rv AS MATERIALIZED (
      SELECT r.id, r.template_id, r.decided_at, (r.decided_at AT TIME ZONE 'UTC')::date AS day, s.tier,
        (CASE s.tier WHEN 1 THEN ${t[1]} WHEN 2 THEN ${t[2]} ELSE ${t[3]} END) AS target
      FROM services s JOIN reviews r ON r.service_id = s.id AND r.status = 'DECIDED'
      WHERE s.id BETWEEN ${uid(p, "service", String(lo))} AND ${uid(p, "service", String(hi))}
    ), tiers AS MATERIALIZED (
      SELECT i.template_id, t AS tier, count(*)::int AS applicable, count(*) FILTER (WHERE i.is_blocker)::int AS blockers,
        ${perLevel("a", "")}
      FROM checklist_items i JOIN generate_series(1, 3) t ON t = ANY (i.tiers) GROUP BY i.template_id, t
    ), w AS MATERIALIZED (
      SELECT review_id, item_id, max(expires_on) AS expires_on FROM waivers
      WHERE status = 'APPROVED' AND ${reviewIds("review_id")} GROUP BY review_id, item_id
    ), rows AS (
      SELECT a.review_id, a.item_id, a.status, a.na_reason FROM answers a WHERE ${reviewIds("a.review_id")}
      UNION ALL
      SELECT w.review_id, w.item_id, NULL, NULL FROM w
      WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.review_id = w.review_id AND a.item_id = w.item_id)
    ), outcome AS (
      SELECT x.review_id, i.level, i.is_blocker,
        CASE
          WHEN x.status = 'MET' THEN 'MET'
          WHEN x.status = 'NOT_APPLICABLE' AND x.na_reason ~ '\\S' THEN 'NA'
          WHEN w.expires_on >= rv.day THEN 'WAIVED'
          WHEN x.status = 'PARTIAL' THEN 'PARTIAL'
          WHEN x.status = 'NOT_MET' THEN 'NOT_MET'
          ELSE 'UNANSWERED'
        END AS o
      FROM rows x
      JOIN rv ON rv.id = x.review_id
      JOIN checklist_items i ON i.id = x.item_id AND i.template_id = rv.template_id AND rv.tier = ANY (i.tiers)
      LEFT JOIN w ON w.review_id = x.review_id AND w.item_id = x.item_id
    ), counted AS (
      SELECT review_id,
        count(*) FILTER (WHERE o = 'MET')::int AS met, count(*) FILTER (WHERE o = 'NA')::int AS na,
        count(*) FILTER (WHERE o = 'WAIVED')::int AS waived, count(*) FILTER (WHERE o = 'PARTIAL')::int AS partial,
        count(*) FILTER (WHERE o = 'NOT_MET')::int AS not_met,
        count(*) FILTER (WHERE is_blocker AND o IN ('MET', 'NA', 'WAIVED'))::int AS blockers_ok,
        coalesce(bool_or(is_blocker AND o = 'WAIVED'), false) AS blocker_waived,
        min(level) FILTER (WHERE o = 'WAIVED') AS lowest_waived,
        min(level) FILTER (WHERE o NOT IN ('MET', 'NA', 'WAIVED')) AS unmet_w,
        min(level) FILTER (WHERE o NOT IN ('MET', 'NA')) AS unmet_own,
        min(level) FILTER (WHERE o NOT IN ('MET', 'NA', 'WAIVED', 'PARTIAL')) AS unmet_p,
        ${perLevel("n", "")}
      FROM outcome GROUP BY review_id
    ), agg AS (
      SELECT rv.id AS review_id, rv.decided_at, rv.tier, rv.target, tiers.applicable,
        coalesce(c.met, 0) AS met, coalesce(c.na, 0) AS na, coalesce(c.waived, 0) AS waived,
        coalesce(c.partial, 0) AS partial, coalesce(c.not_met, 0) AS not_met,
        tiers.applicable - coalesce(c.met + c.na + c.waived + c.partial + c.not_met, 0) AS unanswered,
        tiers.blockers - coalesce(c.blockers_ok, 0) AS open_blockers,
        coalesce(c.blocker_waived, false) AS blocker_waived, c.lowest_waived,
        ${levelFromCounts("c.unmet_w")} AS lvl,
        ${levelFromCounts("c.unmet_own")} AS lvl_own,
        ${levelFromCounts("c.unmet_p")} AS lvl_partials
      FROM rv
      JOIN tiers ON tiers.template_id = rv.template_id AND tiers.tier = rv.tier
      LEFT JOIN counted c ON c.review_id = rv.id
    ), verdicts AS (
      SELECT agg.*, (lvl < target AND lvl_partials >= target AND open_blockers = 0) AS by_partials FROM agg
    ), decided AS (
      SELECT verdicts.*,
        CASE
          WHEN open_blockers > 0 OR NOT (lvl >= target OR by_partials) THEN 'NO_GO'
          WHEN blocker_waived OR by_partials OR lowest_waived <= target THEN 'CONDITIONAL_GO'
          ELSE 'GO'
        END AS verdict
      FROM verdicts
    )
    UPDATE reviews r SET
      level = d.lvl, level_without_waivers = d.lvl_own, target_level = d.target, computed_verdict = d.verdict::"Verdict",
      -- A tenth of conditional verdicts were decided stricter, which an approver may do (never looser).
      decision = (CASE WHEN d.verdict = 'CONDITIONAL_GO' AND (hashtext(r.id::text) & 2147483647) % 10 = 0 THEN 'NO_GO' ELSE d.verdict END)::"Verdict",
      decision_note = CASE WHEN d.verdict = 'CONDITIONAL_GO' AND (hashtext(r.id::text) & 2147483647) % 10 = 0
        THEN 'Partial items must be finished before we accept this.' END,
      applicable_count = d.applicable, met_count = d.met, na_count = d.na, waived_count = d.waived, partial_count = d.partial,
      not_met_count = d.not_met, unanswered_count = d.unanswered, open_blocker_count = d.open_blockers,
      -- Deliberately small: a real snapshot is big enough to be TOASTed out of the heap row; a mid-sized inline one
      -- would make every seq scan of reviews (the portfolio's history) read several times the pages production does.
      snapshot = jsonb_build_object('kind', 'scale-seed', 'level', d.lvl, 'verdict', d.verdict,
        'counts', jsonb_build_array(d.applicable, d.met, d.na, d.waived, d.partial, d.not_met, d.unanswered, d.open_blockers))
    FROM decided d WHERE r.id = d.review_id`;
}

/** Points every service of this run at its latest decided review (the same columns refreshServiceSummary writes). */
export function updateServicePointersSql(p: SeedPlan): string {
  return `UPDATE services s SET
      last_review_id = l.id, last_decided_at = l.decided_at, current_level = l.level,
      current_verdict = COALESCE(l.decision, l.computed_verdict), open_blockers = COALESCE(l.open_blocker_count, 0)
    FROM (
      SELECT DISTINCT ON (r.service_id) r.service_id, r.id, r.decided_at, r.level, r.decision, r.computed_verdict, r.open_blocker_count
      FROM reviews r
      WHERE r.status = 'DECIDED'
        AND r.service_id BETWEEN ${uid(p, "service", "1")} AND ${uid(p, "service", String(p.services))}
      ORDER BY r.service_id, r.decided_at DESC
    ) l
    WHERE s.id = l.service_id`;
}
