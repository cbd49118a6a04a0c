import type { Tx } from "@/lib/db/client";

/**
 * Points the service at its latest decided review and copies that review's summary onto it, in the
 * caller's transaction (the deciding one), so lists and the portfolio read one row per service.
 */
export async function refreshServiceSummary(tx: Pick<Tx, "$executeRaw">, serviceId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE services s SET
      last_review_id = r.id,
      last_decided_at = r.decided_at,
      current_level = r.level,
      current_verdict = COALESCE(r.decision, r.computed_verdict),
      open_blockers = COALESCE(r.open_blocker_count, 0)
    FROM (SELECT NULL) AS one
    LEFT JOIN LATERAL (
      SELECT id, decided_at, level, decision, computed_verdict, open_blocker_count
      FROM reviews
      WHERE service_id = ${serviceId}::uuid AND status = 'DECIDED'
      ORDER BY decided_at DESC
      LIMIT 1
    ) r ON true
    WHERE s.id = ${serviceId}::uuid`;
}
