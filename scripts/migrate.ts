// `npm run db:migrate`: applies every pending SQL migration to DATABASE_URL. Safe to run again.
import { applyMigrations } from "@/lib/db/migrations";
import { createPool } from "@/lib/db/pool";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: see .env.example");
    process.exit(2);
  }
  const pool = createPool({ connectionString: url, max: 1, statementTimeoutMs: 600_000, applicationName: "shipshape-migrate" });
  try {
    const report = await applyMigrations(pool);
    console.log(
      report.applied.length
        ? `Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`
        : `Database is up to date (${report.alreadyApplied} migration(s) applied).`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
