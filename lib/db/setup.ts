import { applyMigrations, type MigrationReport } from "@/lib/db/migrations";
import { createPool } from "@/lib/db/pool";
import { migrateJobSchema, type JobSchemaReport } from "@/lib/db/job-schema";
import { grantRuntimeRole, roleOfUrl, type RoleReport } from "@/lib/db/roles";

// What `npm run db:migrate`, the demo and the test setup all do: migrate as the owner, then give the runtime
// role its rights. With a single URL the app's role owns the tables, and the audit log is only as safe as
// the app itself; that is allowed (small installs, development) but reported.

export type DatabaseUrls = { owner: string; runtime: string };
export type SetupReport = { migrations: MigrationReport; jobSchema: JobSchemaReport; role: RoleReport | null; warnings: string[] };

export const SINGLE_ROLE_WARNING =
  "MIGRATION_DATABASE_URL is not set (or names the same role as DATABASE_URL): the app's own role owns the tables, " +
  "so it could disable the audit log's triggers or drop it. Use a separate owner role for migrations (see README).";

export function databaseUrlsFromEnv(source: Record<string, string | undefined> = process.env): DatabaseUrls | null {
  const runtime = source.DATABASE_URL;
  if (!runtime) return null;
  return { owner: source.MIGRATION_DATABASE_URL || runtime, runtime };
}

export async function setUpDatabase(urls: DatabaseUrls): Promise<SetupReport> {
  const owner = createPool({ connectionString: urls.owner, max: 1, statementTimeoutMs: 600_000, applicationName: "shipshape-migrate" });
  try {
    const migrations = await applyMigrations(owner);
    // Before the grants, so the runtime role's rights cover the queue's tables too.
    const jobSchema = await migrateJobSchema(owner, urls.owner);
    const runtime = roleOfUrl(urls.runtime);
    const { rows } = await owner.query<{ me: string }>("SELECT current_user AS me");
    if (urls.owner === urls.runtime || rows[0]?.me === runtime.name) {
      return { migrations, jobSchema, role: null, warnings: [SINGLE_ROLE_WARNING] };
    }
    const role = await grantRuntimeRole(owner, runtime);
    return { migrations, jobSchema, role, warnings: role.warnings };
  } finally {
    await owner.end();
  }
}
