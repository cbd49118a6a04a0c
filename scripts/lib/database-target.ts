import { existsSync } from "node:fs";
import path from "node:path";
import { databaseUrlsFromEnv } from "@/lib/db/setup";
import { DEMO_DATABASE, DEMO_DB_PORT, demoPostgresDir, demoRuntimeUrl } from "./demo-database";
import { embeddedUrl, runningEmbeddedPort, startEmbeddedPostgres } from "./embedded-postgres";

// The database `db:backup` and `db:restore` work on: the configured server (MIGRATION_DATABASE_URL owns the
// schema, DATABASE_URL is the app's role), or else the demo's embedded PostgreSQL — the running one, or one
// started for the command and stopped after it.

export type DatabaseTarget = {
  /** The role that owns the schema: dumps read everything as it, restores create everything as it. */
  owner: string;
  /** The app's role when it is a different one (it gets its grants after a restore). */
  runtime: string | null;
  description: string;
  release: () => Promise<void>;
};

export async function openConfiguredDatabase(options: { createEmbedded: boolean }): Promise<DatabaseTarget> {
  const urls = databaseUrlsFromEnv();
  if (urls) {
    return {
      owner: urls.owner,
      runtime: urls.runtime === urls.owner ? null : urls.runtime,
      description: process.env.MIGRATION_DATABASE_URL ? "MIGRATION_DATABASE_URL" : "DATABASE_URL",
      release: async () => undefined,
    };
  }
  const dir = demoPostgresDir();
  const relative = path.relative(process.cwd(), dir) || dir;
  const port = runningEmbeddedPort(dir);
  if (port) {
    const owner = embeddedUrl(port, DEMO_DATABASE);
    return {
      owner,
      runtime: demoRuntimeUrl(owner),
      description: `the running embedded PostgreSQL in ${relative}`,
      release: async () => undefined,
    };
  }
  if (!options.createEmbedded && !existsSync(path.join(dir, "PG_VERSION"))) {
    throw new Error(
      `No database to back up: neither MIGRATION_DATABASE_URL nor DATABASE_URL is set, and there is no embedded ` +
        `PostgreSQL in ${relative} (npm run demo creates it).`,
    );
  }
  const database = await startEmbeddedPostgres({
    dir,
    port: Number(process.env.SHIPSHAPE_DEMO_DB_PORT ?? DEMO_DB_PORT),
    database: DEMO_DATABASE,
    persistent: true,
  });
  return {
    owner: database.url,
    runtime: demoRuntimeUrl(database.url),
    description: `the embedded PostgreSQL in ${relative} (started for this command)`,
    release: () => database.stop(),
  };
}
