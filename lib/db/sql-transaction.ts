import type { PoolClient } from "pg";
import { isConnectionError, markDatabaseDown, markDatabaseUp } from "@/lib/db/availability";
import { pool } from "@/lib/db/client";

/**
 * A transaction on the shared pool in plain SQL, for the few hot writes where Prisma's per-query work
 * would dominate (an answer save is five statements; through Prisma it cost ~15 ms of CPU, in SQL ~2 ms).
 */
export async function withSqlTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool().connect();
  } catch (error) {
    if (isConnectionError(error)) markDatabaseDown(error);
    throw error;
  }
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    markDatabaseUp();
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (isConnectionError(error)) markDatabaseDown(error);
    throw error;
  } finally {
    client.release();
  }
}
