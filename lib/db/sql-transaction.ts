import type { PoolClient } from "pg";
import { markDatabaseUp, noteDatabaseFailure } from "@/lib/db/availability";
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
    noteDatabaseFailure(error);
    throw error;
  }
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    markDatabaseUp();
    return result;
  } catch (error) {
    // A connection to a database that stopped answering is dropped, not handed to the next request.
    if (noteDatabaseFailure(error) === "down") broken = error instanceof Error ? error : new Error(String(error));
    else await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}
