// `npm run db:migrate`: applies every pending SQL migration to DATABASE_URL and installs the default
// checklist template. Safe to run again.
import { applyMigrations } from "@/lib/db/migrations";
import { closeDb } from "@/lib/db/client";
import { createPool } from "@/lib/db/pool";
import { installDefaultTemplate } from "@/lib/db/templates";

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
    // The default checklist is reference data every installation needs, not demo data.
    const template = await installDefaultTemplate();
    if (template.created) console.log("Installed the default checklist template.");
  } finally {
    await pool.end();
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
