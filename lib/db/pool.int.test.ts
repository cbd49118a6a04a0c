import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PoolClient } from "pg";
import { databaseAvailability, isConnectionError, markDatabaseUp } from "@/lib/db/availability";
import { closeDb, db, pool } from "@/lib/db/client";

// One connection and a short wait for it, so the pool is full as soon as this test holds it.
process.env.DB_POOL_MAX = "1";
process.env.DB_CONNECT_TIMEOUT_MS = "200";

describe("a full pool", () => {
  let held: PoolClient;
  beforeAll(async () => {
    markDatabaseUp();
    held = await pool().connect();
  });
  afterAll(async () => {
    held.release();
    await closeDb();
  });

  it("is not a dead database: the query fails as unavailable (503) but the breaker stays closed", async () => {
    const started = Date.now();
    const failure = await db().$queryRaw`SELECT 1`.then(() => null).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(isConnectionError(failure)).toBe(true);
    expect(databaseAvailability().down).toBe(false);

    held.release();
    held = await pool().connect();
  });
});
