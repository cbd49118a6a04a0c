// Integration tests run against a real Postgres: the one in DATABASE_URL (npm test provides it).
import { applyMigrations } from "@/lib/db/migrations";
import { createPool } from "@/lib/db/pool";

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL; run them through `npm test`, which provides a database.");
  const pool = createPool({ connectionString: url, max: 1, statementTimeoutMs: 600_000 });
  try {
    await applyMigrations(pool);
  } finally {
    await pool.end();
  }
}
