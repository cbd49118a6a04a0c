import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { markDatabaseUp, noteDatabaseFailure } from "@/lib/db/availability";
import { createPool } from "@/lib/db/pool";
import { metrics } from "@/lib/observability/metrics";

function readDatabaseSettings() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: see .env.example");
  const int = (name: string, fallback: number) => {
    const n = Number(process.env[name]);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    connectionString: url,
    max: int("DB_POOL_MAX", 10),
    connectTimeoutMs: int("DB_CONNECT_TIMEOUT_MS", 1000),
    statementTimeoutMs: int("DB_STATEMENT_TIMEOUT_MS", 3000),
  };
}

function createDb(pool: Pool) {
  const base = new PrismaClient({ adapter: new PrismaPg(pool) });
  // Every query reports whether the database answered, so the server can fail fast while it is away.
  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          markDatabaseUp();
          return result;
        } catch (error) {
          noteDatabaseFailure(error);
          throw error;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createDb>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const key = Symbol.for("shipshape.db");
type Holder = { [key]?: { pool: Pool; db: Db } };

function instance() {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const settings = readDatabaseSettings();
    const pool = createPool(settings);
    metrics().poolStats.read = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: settings.max });
    holder[key] = { pool, db: createDb(pool) };
  }
  return holder[key];
}

/** The application's one Prisma client (pg adapter, bounded pool). */
export function db(): Db {
  return instance().db;
}

/** The same pool, for set-based SQL that Prisma cannot express. */
export function pool(): Pool {
  return instance().pool;
}

export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[key];
  if (!current) return;
  delete holder[key];
  delete metrics().poolStats.read;
  await current.db.$disconnect();
  await current.pool.end();
}
