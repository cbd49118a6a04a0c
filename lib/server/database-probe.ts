import { Client } from "pg";
import {
  databaseAvailability,
  databaseFailureOf,
  markDatabaseDown,
  markDatabaseUp,
  recordProbe,
  type ProbeResult,
} from "@/lib/db/availability";
import { pendingMigrations, readMigrations, type Migration } from "@/lib/db/migrations";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

let migrationsOnDisk: Migration[] | undefined;

// The probe's own connection, kept open between probes (a new connection per probe costs a backend
// start and authentication, which on a loaded machine can eat the whole budget), shared through
// globalThis by the background watcher and readiness checks in Next's server bundle.
const key = Symbol.for("shipshape.db.probe-connection");
type Holder = { [key]?: { url: string; client: Promise<Client> } };

function probeClient(connectionString: string, timeoutMs: number): Promise<Client> {
  const holder = globalThis as Holder;
  const current = holder[key];
  if (current?.url === connectionString) return current.client;
  const client = new Client({
    connectionString,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: "shipshape-probe",
  });
  client.on("error", () => discard(client));
  const connected = client.connect().then(() => client);
  holder[key] = { url: connectionString, client: connected };
  connected.catch(() => discard(client));
  return connected;
}

function discard(client: Client) {
  const holder = globalThis as Holder;
  void holder[key]?.client.then(
    (current) => {
      if (current === client) delete holder[key];
    },
    () => delete holder[key],
  );
  // A connection to a hung server would wait for the server to say goodbye: cut the socket instead.
  (client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
}

/**
 * One check on the probe's own connection (never a slot of the application's pool, so a busy pool
 * cannot make a healthy database look dead): SELECT 1 and pending migrations, within `timeoutMs` each.
 */
export async function probeDatabase(connectionString: string, timeoutMs = 1000): Promise<ProbeResult> {
  const started = performance.now();
  const result = (fields: Partial<ProbeResult>): ProbeResult => ({
    ok: false,
    checkedAt: Date.now(),
    responseTimeMs: null,
    pendingMigrations: null,
    error: null,
    failure: null,
    ...fields,
  });
  let client: Client | undefined;
  try {
    client = await probeClient(connectionString, timeoutMs);
    await client.query("SELECT 1");
    const responseTimeMs = Math.round((performance.now() - started) * 10) / 10;
    const pending = await pendingMigrations(client, (migrationsOnDisk ??= readMigrations()));
    return result({
      ok: pending.length === 0,
      responseTimeMs,
      pendingMigrations: pending,
      error: pending.length ? `pending migrations: ${pending.join(", ")}` : null,
    });
  } catch (error) {
    if (client) discard(client);
    const message = error instanceof Error ? error.message : String(error);
    const failure = databaseFailureOf(error) ?? "down";
    // Refused or shut down is a plain answer: open the breaker now. A timeout may only be a busy machine;
    // the watcher opens it after a second one in a row.
    if (failure === "down" && !/timeout|timed out/i.test(message)) markDatabaseDown(error);
    return result({ error: message, failure });
  }
}

// A single slow probe on a busy machine is not an outage; two in a row are (at start-up, before the
// database has ever answered, one is). Queries that time out on the request path open the breaker by
// themselves at the first timeout.
const FAILURES_TO_OPEN = 2;

/**
 * Probes the database in the background, every `intervalMs` while it answers and every `downIntervalMs`
 * while it does not: readiness reads the last result, and a success closes the breaker, so the service
 * recovers by itself without a restart.
 */
export function watchDatabase(connectionString: string, { intervalMs = 1000, downIntervalMs = 500, timeoutMs = 1000 } = {}) {
  let failures = 0;
  let answered = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    const wasDown = databaseAvailability().down;
    const probe = await probeDatabase(connectionString, timeoutMs);
    if (stopped) return;
    recordProbe(probe);
    if (probe.responseTimeMs !== null) {
      failures = 0;
      answered = true;
      markDatabaseUp();
      if (wasDown) logger().info("database reachable again");
    } else if ((++failures >= FAILURES_TO_OPEN || !answered) && probe.failure === "down") {
      markDatabaseDown(new Error(probe.error ?? "the database probe failed"));
    }
    metrics().dbUp.set(databaseAvailability().down ? 0 : 1);
    timer = setTimeout(() => void tick(), databaseAvailability().down ? downIntervalMs : intervalMs);
    timer.unref();
  };
  const first = tick();
  return {
    /** Resolves once the first probe has been recorded. */
    ready: first,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
