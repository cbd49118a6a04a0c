import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseAvailability, markDatabaseUp } from "@/lib/db/availability";
import { closeDb, db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/scripts/lib/embedded-postgres";

// A Postgres that stops answering without closing its sockets (SIGSTOP): the first query to time out
// must open the breaker and fail the other queries stuck on it at once, not each after its own timeout.

const dir = path.resolve(".data", `hung-pg-${process.pid}`);
const STATEMENT_TIMEOUT_MS = 400; // pg's read timeout is 500 ms above it
let database: EmbeddedDatabase | undefined;

beforeAll(async () => {
  database = await startEmbeddedPostgres({ dir, database: "hung", persistent: true });
  process.env.DATABASE_URL = database.url;
  process.env.DB_POOL_MAX = "4";
  process.env.DB_STATEMENT_TIMEOUT_MS = String(STATEMENT_TIMEOUT_MS);
  markDatabaseUp();
  // Four connections open and idle in the pool before the pause.
  await Promise.all(Array.from({ length: 4 }, () => db().$queryRawUnsafe("SELECT pg_sleep(0.05)::text")));
});

afterAll(async () => {
  database?.resume();
  await closeDb().catch(() => undefined);
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

const settle = (started: number, query: Promise<unknown>) =>
  query.then(
    () => ({ ok: true, at: Date.now() - started }),
    () => ({ ok: false, at: Date.now() - started }),
  );

describe("a hung database", () => {
  it("opens the breaker at the first read timeout and cuts the queries stuck behind it", async () => {
    database?.pause();
    const started = Date.now();
    const first = settle(started, db().$queryRawUnsafe("SELECT 1"));
    await new Promise((r) => setTimeout(r, 400));
    const later = [settle(started, db().$queryRawUnsafe("SELECT 2")), settle(started, db().$queryRawUnsafe("SELECT 3"))];
    const [a, b, c] = await Promise.all([first, ...later]);

    expect(a?.ok).toBe(false);
    // The read timeout fired (statement timeout + 500 ms) and nothing waited much longer.
    expect(a?.at).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS + 500 - 50);
    expect(a?.at).toBeLessThan(STATEMENT_TIMEOUT_MS + 500 + 400);
    for (const q of [b, c]) {
      expect(q?.ok).toBe(false);
      // Without the breaker these would time out 400 ms after the first one.
      expect((q?.at ?? 0) - (a?.at ?? 0)).toBeLessThan(200);
    }
    expect(databaseAvailability().down).toBe(true);
  });

  it("answers again as soon as Postgres resumes", async () => {
    database?.resume();
    const started = Date.now();
    await expect(db().$queryRawUnsafe("SELECT 1")).resolves.toBeTruthy();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(databaseAvailability().down).toBe(false);
  });
});
