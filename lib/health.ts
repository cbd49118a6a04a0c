import { databaseAvailability, recordProbe, type ProbeResult } from "@/lib/db/availability";
import { env } from "@/lib/env";
import { lifecycle } from "@/lib/lifecycle";
import { probeDatabase } from "@/lib/server/database-probe";

export type DatabaseCheck = { ok: boolean; responseTimeMs: number | null; pendingMigrations: string[] | null; error: string | null };

// The HTTP server probes every second in the background; readiness wants a fresher answer than that
// (a load balancer should stop sending traffic right after Postgres goes away), so an older result is
// refreshed by one probe on a connection of its own, shared by every readiness check that asks meanwhile.
const FRESH_MS = 250;
const key = Symbol.for("shipshape.health.probe");
type Holder = { [key]?: Promise<ProbeResult> };

function fromProbe(probe: ProbeResult): DatabaseCheck {
  const { down, lastError } = databaseAvailability();
  // An open breaker wins over a good probe: queries are timing out right now.
  const ok = probe.ok && !down;
  return {
    ok,
    responseTimeMs: probe.responseTimeMs,
    pendingMigrations: probe.pendingMigrations,
    error: ok ? null : (probe.error ?? lastError ?? "the database is unavailable"),
  };
}

/**
 * The database answers and every migration on disk is applied. Never waits for a slot in the
 * application's pool, so a busy pool cannot take healthy replicas out of the load balancer.
 */
export async function checkDatabase(timeoutMs = 1000): Promise<DatabaseCheck> {
  const last = databaseAvailability().probe;
  if (last && Date.now() - last.checkedAt < FRESH_MS) return fromProbe(last);
  const holder = globalThis as Holder;
  holder[key] ??= probeDatabase(env().DATABASE_URL, timeoutMs).finally(() => delete holder[key]);
  const probe = await holder[key];
  recordProbe(probe);
  return fromProbe(probe);
}

export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

export function uptimeSeconds(): number {
  return Math.round((Date.now() - lifecycle().startedAt) / 1000);
}

export { databaseAvailability };
