import { Client } from "pg";
import { databaseAvailability, markDatabaseUp } from "@/lib/db/availability";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

/** One round trip on a fresh connection, bounded by `timeoutMs`. Resolves to the latency in ms. */
export async function probeDatabase(connectionString: string, timeoutMs = 1000): Promise<number> {
  const started = performance.now();
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: "shipshape-probe",
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return performance.now() - started;
  } finally {
    void client.end().catch(() => undefined);
  }
}

/**
 * While the database is marked down, probe it every `intervalMs` and close the circuit when it answers,
 * so the service recovers by itself without a restart.
 */
export function watchDatabase(connectionString: string, intervalMs = 1000): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    const down = databaseAvailability().down;
    metrics().dbUp.set(down ? 0 : 1);
    if (!down || busy) return;
    busy = true;
    try {
      await probeDatabase(connectionString, Math.min(intervalMs, 1000));
      markDatabaseUp();
      metrics().dbUp.set(1);
      logger().info("database reachable again");
    } catch {
      // still down; the next tick tries again
    } finally {
      busy = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
