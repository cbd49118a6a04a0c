import { createHash } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import type { ClientBase, Pool, PoolClient } from "pg";

// Versioned SQL migrations in prisma/migrations/<name>/migration.sql, applied in name order,
// each in its own transaction, under an advisory lock so two starting instances never race.

export type Migration = { name: string; sql: string; checksum: string };

const LOCK_ID = 7_340_001;

export function migrationsDir(root = process.cwd()): string {
  return path.join(root, "prisma", "migrations");
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

async function ensureTable(client: PoolClient): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS shipshape_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

export type MigrationReport = { applied: string[]; alreadyApplied: number };

export async function applyMigrations(pool: Pool, migrations = readMigrations()): Promise<MigrationReport> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await ensureTable(client);
    const { rows } = await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM shipshape_migrations");
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO shipshape_migrations (name, checksum) VALUES ($1, $2)", [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

/** Names of migrations on disk that the database has not applied (empty when up to date). */
export async function pendingMigrations(pool: Pool | ClientBase, migrations = readMigrations()): Promise<string[]> {
  const { rows } = await pool.query<{ exists: boolean }>("SELECT to_regclass('shipshape_migrations') IS NOT NULL AS exists");
  if (!rows[0]?.exists) return migrations.map((m) => m.name);
  const applied = await pool.query<{ name: string }>("SELECT name FROM shipshape_migrations");
  const names = new Set(applied.rows.map((r) => r.name));
  return migrations.filter((m) => !names.has(m.name)).map((m) => m.name);
}
