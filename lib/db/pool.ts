import { Pool, type PoolConfig } from "pg";
import { isConnectionError, markDatabaseDown } from "@/lib/db/availability";
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

// Bounded everywhere: a dead or slow Postgres must turn into a quick error, never a hung request.
export function poolConfig(options: PoolOptions): PoolConfig {
  const statementTimeout = options.statementTimeoutMs ?? 5000;
  return {
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 1000,
    idle_in_transaction_session_timeout: 15_000,
    application_name: options.applicationName ?? "shipshape",
    keepAlive: true,
  };
}

export function createPool(options: PoolOptions): Pool {
  const pool = new Pool(poolConfig(options));
  // An idle client losing its server emits 'error' on the pool; unhandled, it would crash the process.
  pool.on("error", (error: Error & { code?: string }) => {
    // Connections cut while the process drains for shutdown are expected, not news.
    if (lifecycle().shuttingDown) return;
    if (isConnectionError(error)) markDatabaseDown(error);
    metrics().dbErrors.inc({ kind: "pool" });
    // Only the message and code: the error object drags the whole pg client along.
    logger().warn({ code: error.code, error: error.message }, "database pool error");
  });
  return pool;
}
