// SQL fragments for the scale seed. Everything about a row (tier, dates, maturity, answer status) is a
// pure function of its service number `sn` and review number `rn`, so each phase recomputes what it
// needs instead of joining back to what an earlier phase wrote, and the same numbers always give the
// same data (hashint8 is stable within a Postgres major version).
//
// Values are inlined as SQL literals rather than bind parameters: they are numbers, hex and a slug
// prefix that seed-scale.ts validates, and constants let the planner see the real row counts.

import type { TierTargets } from "@/lib/domain/targets";

export type SeedPlan = {
  /** 8 hex digits, random per run: the high bits of every id this run writes. */
  run: string;
  /** Lowercase slug prefix for teams and services (may be ""). */
  prefix: string;
  services: number;
  reviews: number;
  teams: number;
  templateId: string;
  /** ISO timestamp every date is relative to. */
  now: string;
  targets: TierTargets;
  /** Waive one gap in the latest review of every `waiverEvery`-th service (0 = no waivers). */
  waiverEvery: number;
  /** Percentage of services with an open draft review. */
  draftPercent: number;
};

/** Slot for drafts in the review numbering, above any decided review number (reviews ≤ 1000). */
export const DRAFT_RN = 1023;

const TAGS = { team: "1", user: "2", service: "3", review: "4", answer: "5", waiver: "6" } as const;
export type Entity = keyof typeof TAGS;

/**
 * Ids are RFC 9562 version-8 UUIDs laid out as <run><tag><n>, so they grow with n: inserting
 * millions of answers appends to the primary-key index instead of splitting random pages all over
 * it (random v4 ids made the index the slowest part of the load), and a chunk of services maps to
 * one contiguous id range.
 */
export function uid(plan: SeedPlan, entity: Entity, n: string): string {
  const hex = `('${plan.run}${TAGS[entity]}' || lpad(to_hex((${n})::bigint), 21, '0'))`;
  return `overlay(overlay(${hex} placing '8' from 13 for 0) placing '8' from 17 for 0)::uuid`;
}

/** A non-negative 31-bit hash of an integer expression. */
export const h = (x: string) => `(hashint8((${x})::bigint) & 2147483647)`;

/** Review key: unique per (service, review number). */
export const rk = (sn: string, rn: string) => `((${sn})::bigint * 1024 + (${rn}))`;

export const lit = {
  now: (p: SeedPlan) => `'${p.now}'::timestamptz`,
  today: (p: SeedPlan) => `('${p.now}'::timestamptz AT TIME ZONE 'UTC')::date`,
  tpl: (p: SeedPlan) => `'${p.templateId}'::uuid`,
  str: (value: string) => `'${value.replace(/'/g, "''")}'`,
};

export const teamNo = (p: SeedPlan, sn: string) => `(((${sn}) - 1) % ${p.teams} + 1)`;

/** Tier 1/2/3 for about 20/40/40 % of services. */
export const tierOf = (sn: string) =>
  `(CASE WHEN ${h(`(${sn}) * 8 + 3`)} % 100 < 20 THEN 1 WHEN ${h(`(${sn}) * 8 + 3`)} % 100 < 60 THEN 2 ELSE 3 END)`;

/** Days between now and the latest decision: within ~120 days for 80 % of services, up to 400 for the rest. */
const latestAgeDays = (sn: string) =>
  `(CASE WHEN ${h(`(${sn}) * 8 + 4`)} % 100 < 80 THEN 1 + ${h(`(${sn}) * 8 + 5`)} % 120 ELSE 121 + ${h(`(${sn}) * 8 + 5`)} % 280 END)`;

export const latestIsRecent = (sn: string) => `(${h(`(${sn}) * 8 + 4`)} % 100 < 80)`;

/** One decision per ~90 days, the latest one `latestAgeDays` ago; older ones jitter by up to 10 days. */
export function decidedAt(p: SeedPlan, sn: string, rn: string): string {
  const jitter = `(CASE WHEN (${rn}) >= ${p.reviews} THEN 0 ELSE ${h(`${rk(sn, rn)} * 16 + 2`)} % 11 END)`;
  const days = `(${latestAgeDays(sn)} + (${p.reviews} - (${rn})) * 90 + ${jitter})::int`;
  return `(${lit.now(p)} - make_interval(days => ${days}, mins => (${h(`${rk(sn, rn)} * 16 + 3`)} % 600)::int))`;
}

/**
 * The level a team is capable of at review `rn`: a per-service start between 0.3 and 2.9, a steady
 * climb of up to 1.8 levels over all reviews, and a one-level dip in ~12 % of later reviews.
 */
export function capability(p: SeedPlan, sn: string, rn: string): string {
  const start = `(0.3 + 2.6 * (${h(`(${sn}) * 8 + 1`)} % 1000) / 1000.0)`;
  const climb = `(1.8 * (${h(`(${sn}) * 8 + 2`)} % 100) / 100.0)`;
  const dip = `(CASE WHEN (${rn}) > 1 AND ${h(`${rk(sn, rn)} * 16 + 4`)} % 100 < 12 THEN 1.0 ELSE 0 END)`;
  const progress = `(((${rn}) - 1)::numeric / ${Math.max(p.reviews - 1, 1)})`;
  return `least(4, greatest(0, floor(${start} + ${climb} * ${progress} - ${dip})))::int`;
}

/** A fifth of reviews have one gap (a PARTIAL or NOT_MET item inside what the team otherwise masters). */
export const gapHash = (sn: string, rn: string) => h(`${rk(sn, rn)} * 16 + 5`);

/**
 * Per-review values computed once (MATERIALIZED) and joined to the applicable items.
 * Columns: sn, rn (the number used for statuses), rid, tier, cap, gap_pos, gap_kind, by_id, at.
 */
export function reviewRows(p: SeedPlan, from: string, statusRn: string, idRn: string, answeredAt?: string): string {
  const g = gapHash("sn", statusRn);
  const by = uid(p, "user", `${teamNo(p, "sn")} * 8 + 1 + ${rk("sn", statusRn)} % 2`);
  return `SELECT sn, ${statusRn} AS rn, ${uid(p, "review", rk("sn", idRn))} AS rid, ${tierOf("sn")} AS tier,
      ${capability(p, "sn", statusRn)} AS cap,
      CASE WHEN ${g} % 100 < 20 THEN (${g} / 100) % 64 ELSE -1 END AS gap_pos,
      CASE WHEN (${g} / 6400) % 10 < 6 THEN 'PARTIAL' ELSE 'NOT_MET' END AS gap_kind,
      ${by} AS by_id,
      ${answeredAt ?? `${decidedAt(p, "sn", statusRn)} - interval '3 days'`} AS at
    ${from}`;
}

/**
 * Answer status for item `i` in review row `rv`: what the team masters is MET (3 % justified N/A),
 * the next level is mostly met, beyond it mostly not; blockers are treated first whatever their level.
 */
export function answerStatus(): string {
  const ha = h(`${rk("rv.sn", "rv.rn")} * 4096 + i.position`);
  return `(CASE
      WHEN i.position = rv.gap_pos AND i.level <= rv.cap THEN rv.gap_kind
      WHEN i.is_blocker AND i.level > rv.cap THEN CASE WHEN ${ha} % 100 < 85 THEN 'MET' WHEN ${ha} % 100 < 90 THEN 'PARTIAL' ELSE 'NOT_MET' END
      WHEN i.level <= rv.cap THEN CASE WHEN ${ha} % 100 < 3 THEN 'NOT_APPLICABLE' ELSE 'MET' END
      WHEN i.level = rv.cap + 1 THEN CASE WHEN ${ha} % 100 < 65 THEN 'MET' WHEN ${ha} % 100 < 85 THEN 'PARTIAL' WHEN ${ha} % 100 < 97 THEN 'NOT_MET' ELSE 'NOT_APPLICABLE' END
      ELSE CASE WHEN ${ha} % 100 < 25 THEN 'MET' WHEN ${ha} % 100 < 45 THEN 'PARTIAL' WHEN ${ha} % 100 < 95 THEN 'NOT_MET' ELSE 'NOT_APPLICABLE' END
    END)`;
}

/** INSERT of answers for every applicable item (with position < maxPosition) of the rows in `rvSql`. */
export function insertAnswersSql(p: SeedPlan, rvSql: string, idRn: string, maxPosition?: number): string {
  const status = answerStatus();
  const limit = maxPosition === undefined ? "" : `AND i.position < ${maxPosition}`;
  return `WITH rv AS MATERIALIZED (${rvSql})
    INSERT INTO answers (id, review_id, item_id, status, note, na_reason, version, answered_by_id, answered_at)
    SELECT ${uid(p, "answer", `${rk("rv.sn", idRn)} * 4096 + i.position`)}, rv.rid, i.id, s.status::"AnswerStatus",
      CASE s.status WHEN 'PARTIAL' THEN 'Partly in place; follow-up ticket open.' WHEN 'NOT_MET' THEN 'Not started yet.' ELSE '' END,
      CASE WHEN s.status = 'NOT_APPLICABLE' THEN 'Does not apply to this service''s architecture.' END,
      1, rv.by_id, rv.at
    FROM rv
    JOIN checklist_items i ON i.template_id = ${lit.tpl(p)} AND rv.tier = ANY (i.tiers) ${limit}
    CROSS JOIN LATERAL (SELECT ${status} AS status) s`;
}
