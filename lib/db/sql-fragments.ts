import type { TierTargets } from "@/lib/domain/targets";
import { Prisma } from "@/lib/generated/prisma/client";

// SQL pieces that several pages' statements share, written once so the statements cannot drift apart.
// Each one reads columns of `services s` (or the expression it is given); values reach SQL as bind parameters.

/**
 * The target level of `services s` for its tier, as targetLevelForTier in lib/domain/targets.ts: only tiers 1–3
 * have a target (the database holds tier to 1–3), so there is no ELSE that would quietly give any other tier tier 3's.
 */
export function targetLevelSql(targets: TierTargets): Prisma.Sql {
  return Prisma.sql`(CASE s.tier WHEN 1 THEN ${targets[1]}::int WHEN 2 THEN ${targets[2]}::int WHEN 3 THEN ${targets[3]}::int END)`;
}

/**
 * The service's current level: the level of its latest decided review, from the decision summary on `services s`;
 * NULL while it has never been decided.
 */
export const CURRENT_LEVEL_SQL = Prisma.sql`(CASE WHEN s.last_decided_at IS NULL THEN NULL ELSE s.current_level END)`;

/** A verdict as a number that grows with how good it is (NO_GO 0, CONDITIONAL_GO 1, GO 2), for sorting and comparing. */
export function verdictRankSql(verdict: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${verdict} WHEN 'NO_GO' THEN 0 WHEN 'CONDITIONAL_GO' THEN 1 WHEN 'GO' THEN 2 END)`;
}

/** An instant as a timestamptz parameter, so comparisons never depend on the session's time zone. */
export function timestampSql(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString()}::timestamptz`;
}
