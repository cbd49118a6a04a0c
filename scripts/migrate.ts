// `npm run db:migrate`: applies every pending SQL migration as the owner role (MIGRATION_DATABASE_URL, or
// DATABASE_URL when that is all there is), grants the runtime role (DATABASE_URL) its rights, and installs
// the default checklist template. Safe to run again.
import { closeDb } from "@/lib/db/client";
import { databaseUrlsFromEnv, setUpDatabase } from "@/lib/db/setup";
import { installDefaultTemplate } from "@/lib/db/templates";

async function main() {
  const urls = databaseUrlsFromEnv();
  if (!urls) {
    console.error("DATABASE_URL is not set: see .env.example");
    process.exit(2);
  }
  try {
    const report = await setUpDatabase(urls);
    console.log(
      report.migrations.applied.length
        ? `Applied ${report.migrations.applied.length} migration(s): ${report.migrations.applied.join(", ")}`
        : `Database is up to date (${report.migrations.alreadyApplied} migration(s) applied).`,
    );
    const { from, to } = report.jobSchema;
    if (from !== to)
      console.log(
        from === null ? `Installed the job queue (pg-boss schema ${to}).` : `Upgraded the job queue from pg-boss schema ${from} to ${to}.`,
      );
    if (report.role) {
      const { name, created } = report.role;
      console.log(
        created ? `Created the runtime role "${name}" and granted its rights.` : `Granted the runtime role "${name}" its rights.`,
      );
    }
    for (const warning of report.warnings) console.warn(`Warning: ${warning}`);
    // The default checklist is reference data every installation needs, not demo data.
    const template = await installDefaultTemplate();
    if (template.created) console.log("Installed the default checklist template.");
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
