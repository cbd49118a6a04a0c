import { pool } from "@/lib/db/client";
import { pendingMigrations, readMigrations, type Migration } from "@/lib/db/migrations";
import { databaseAvailability, isConnectionError, markDatabaseDown, markDatabaseUp } from "@/lib/db/availability";
import { lifecycle } from "@/lib/lifecycle";

let migrationsOnDisk: Migration[] | undefined;

export type DatabaseCheck = { ok: boolean; responseTimeMs: number | null; pendingMigrations: string[] | null; error: string | null };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The database answers within `timeoutMs` and every migration on disk is applied. */
export async function checkDatabase(timeoutMs = 1000): Promise<DatabaseCheck> {
  const started = performance.now();
  try {
    await withTimeout(pool().query("SELECT 1"), timeoutMs, "the database");
    const responseTimeMs = Math.round((performance.now() - started) * 10) / 10;
    const pending = await withTimeout(
      pendingMigrations(pool(), (migrationsOnDisk ??= readMigrations())),
      timeoutMs,
      "the migrations check",
    );
    markDatabaseUp();
    return {
      ok: pending.length === 0,
      responseTimeMs,
      pendingMigrations: pending,
      error: pending.length ? `pending migrations: ${pending.join(", ")}` : null,
    };
  } catch (error) {
    if (isConnectionError(error) || (error instanceof Error && error.message.includes("did not answer"))) markDatabaseDown(error);
    return { ok: false, responseTimeMs: null, pendingMigrations: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export function isShuttingDown(): boolean {
  return lifecycle().shuttingDown;
}

export function uptimeSeconds(): number {
  return Math.round((Date.now() - lifecycle().startedAt) / 1000);
}

export { databaseAvailability };
