import { sql } from "./db";
import { isoDay, shiftDays } from "../../lib/domain/days";

// Decided reviews carry their frozen summary counts; the quarterly meeting reads only those and the services
// row, so tests write them with SQL exactly as the deciding transaction leaves them.

export type Verdict = "GO" | "CONDITIONAL_GO" | "NO_GO";
export type Decision = { daysAgo: number; level: number; verdict: Verdict; openBlockers?: number; notMet?: number };

const LATEST_TEMPLATE = "(SELECT id FROM checklist_templates ORDER BY version DESC LIMIT 1)";

/** A decided review, then the service pointed at its latest decision with that decision's summary. */
export async function decideReview(serviceId: string, d: Decision): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO reviews (service_id, template_id, trigger, status, decided_at, decision, computed_verdict, level, target_level,
       applicable_count, met_count, na_count, waived_count, partial_count, not_met_count, unanswered_count, open_blocker_count)
     VALUES ($1, ${LATEST_TEMPLATE}, 'QUARTERLY', 'DECIDED', now() - make_interval(days => $2::int), $3, $3, $4, 2,
       10, 8, 0, 0, 1, $5, 0, $6)
     RETURNING id`,
    [serviceId, d.daysAgo, d.verdict, d.level, d.notMet ?? 1, d.openBlockers ?? 0],
  );
  await sql().query(
    `UPDATE services s SET last_review_id = r.id, last_decided_at = r.decided_at, current_level = r.level,
       current_verdict = COALESCE(r.decision, r.computed_verdict), open_blockers = COALESCE(r.open_blocker_count, 0)
     FROM (SELECT * FROM reviews WHERE service_id = $1 AND status = 'DECIDED' ORDER BY decided_at DESC LIMIT 1) r
     WHERE s.id = $1`,
    [serviceId],
  );
  return rows[0]!.id;
}

/** An open review started by something other than the quarterly cadence: the service is due whatever its age. */
export async function openTriggeredReview(serviceId: string, trigger: "POST_INCIDENT" | "MAJOR_RELEASE" = "POST_INCIDENT"): Promise<void> {
  await sql().query(`INSERT INTO reviews (service_id, template_id, trigger, status) VALUES ($1, ${LATEST_TEMPLATE}, $2, 'DRAFT')`, [
    serviceId,
    trigger,
  ]);
}

/** A calendar day `days` from today (UTC), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return isoDay(shiftDays(new Date(), days));
}
