import { Pool, type PoolClient, type PoolConfig } from "pg";
import { noteDatabaseFailure, onDatabaseDown } from "@/lib/db/availability";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { lifecycle } from "@/lib/lifecycle";

export type PoolOptions = {
  connectionString: string;
  max?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
};

// pg's read timeout sits just above Postgres's own statement timeout: a slow query is cancelled by the
// server (an answer, so the database is alive); only a server that says nothing at all trips it.
const READ_TIMEOUT_MARGIN_MS = 500;

// Bounded everywhere: a dead or slow Postgres must turn into a quick error, never a hung request.
export function poolConfig(options: PoolOptions): PoolConfig {
  const statementTimeout = options.statementTimeoutMs ?? 3000;
  return {
    connectionString: options.connectionString,
    max: options.max ?? 10,
    // Also the longest wait for a free slot when all are taken.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 1000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + READ_TIMEOUT_MARGIN_MS,
    idle_in_transaction_session_timeout: 15_000,
    application_name: options.applicationName ?? "shipshape",
    keepAlive: true,
  };
}

type PgStream = { connection?: { stream?: { destroy: () => void } } };

export function createPool(options: PoolOptions): Pool {
  const pool = new Pool(poolConfig(options));
  // An idle client losing its server emits 'error' on the pool; unhandled, it would crash the process.
  pool.on("error", (error: Error & { code?: string }) => {
    // Connections cut while the process drains for shutdown are expected, not news.
    if (lifecycle().shuttingDown) return;
    noteDatabaseFailure(error);
    metrics().dbErrors.inc({ kind: "pool" });
    // Only the message and code: the error object drags the whole pg client along.
    logger().warn({ code: error.code, error: error.message }, "database pool error");
  });
  // When the breaker opens (a read or connect timeout, a refused connection), queries still waiting on
  // the same hung server would each sit out their own timeout. Cutting their sockets fails them now, so
  // every request in flight answers 503 within moments of the first timeout instead of seconds later.
  const checkedOut = new Set<PoolClient>();
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_error, client) => checkedOut.delete(client));
  pool.on("remove", (client) => checkedOut.delete(client as PoolClient));
  const stopListening = onDatabaseDown(() => {
    for (const client of checkedOut) (client as unknown as PgStream).connection?.stream?.destroy();
  });
  // Set-based SQL goes straight to pool.query; its failures count towards the breaker like Prisma's.
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) result.catch((error: unknown) => void noteDatabaseFailure(error));
    return result;
  }) as Pool["query"];
  const end = pool.end.bind(pool);
  pool.end = (() => {
    stopListening();
    return end();
  }) as Pool["end"];
  return pool;
}
