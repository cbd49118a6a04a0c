// `npm run db:restore -- FILE [--into URL] [--force]`: loads a `db:backup` archive into an empty database — the
// configured one (MIGRATION_DATABASE_URL, else DATABASE_URL, else the demo's embedded PostgreSQL), or the one
// `--into` names. A database that already holds tables is refused unless `--force` says to replace everything in
// its public schema. The restore is one transaction: it lands whole or not at all.
//
// Objects are created as the connecting role (the owner), without the source's grants, since the roles of the
// source server need not exist here; the app's role then gets its rights the way `npm run db:migrate` gives them,
// which also applies any migration newer than the backup. The audit log's triggers come back with the table,
// after its rows are loaded, so the full trail is restored and stays append-only.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { Client } from "pg";
import { setUpDatabase } from "@/lib/db/setup";
import { CLEAR_JOB_SCHEMA, CLEAR_PUBLIC_SCHEMA, userObjects } from "./lib/database-contents";
import { openConfiguredDatabase, type DatabaseTarget } from "./lib/database-target";
import { archiveVersionProblem, describeUrl, parseArchiveHeader, pipeTools, serverInfo, toolConnection, toolFor } from "./lib/pg-tools";

const USAGE = "Usage: npm run db:restore -- FILE [--into postgres://owner@host/new_database] [--force]";

async function main() {
  const { values, positionals } = parseArgs({
    options: { into: { type: "string" }, force: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const archive = path.resolve(file);
  if (!existsSync(archive)) throw new Error(`No backup at ${archive}.`);

  const target: DatabaseTarget = values.into
    ? { owner: values.into, runtime: null, description: "--into", release: async () => undefined }
    : await openConfiguredDatabase({ createEmbedded: true });
  try {
    const server = await serverInfo(target.owner);
    const pgRestore = toolFor("pg_restore", server.version, server.where);
    const psql = toolFor("psql", server.version, server.where);
    const header = parseArchiveHeader(execFileSync(pgRestore.path, ["--list", archive], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
    const problem = archiveVersionProblem(header, pgRestore.version, server.version, server.where);
    if (problem) throw new Error(problem);

    const where = describeUrl(target.owner);
    const client = new Client({ connectionString: target.owner });
    await client.connect();
    const existing = await userObjects(client).finally(() => client.end());
    if (existing.count > 0 && !values.force) {
      throw new Error(
        `${where} (${target.description}) is not empty: it holds ${existing.count} table(s), function(s) or type(s), ` +
          `e.g. ${existing.examples.join(", ")}. Restore into a new database with --into postgres://…/new_database, ` +
          "or add --force to replace everything in its public schema (stop the app first).",
      );
    }

    console.log(
      `Restoring ${archive} (PostgreSQL ${header.dumpedFrom?.text ?? "?"}, database ${header.database ?? "?"}) into ${where} ` +
        `(${target.description}, PostgreSQL ${server.version.text})${existing.count > 0 ? ", replacing what it holds" : ""}…`,
    );
    const started = performance.now();
    const { dbname, env } = toolConnection(target.owner);
    // pg_restore turns the archive into SQL; psql runs it, after the optional clearing, in one transaction.
    await pipeTools(
      { tool: pgRestore, args: ["--no-owner", "--no-privileges", "--file=-", archive] },
      {
        tool: psql,
        args: [
          "--no-psqlrc",
          "--quiet",
          // Query results (pg_dump's set_config and setval calls) are noise; errors still reach stderr.
          "--output=/dev/null",
          "--set=ON_ERROR_STOP=1",
          "--single-transaction",
          ...(existing.count > 0 ? [`--command=${CLEAR_PUBLIC_SCHEMA}`, `--command=${CLEAR_JOB_SCHEMA}`] : []),
          "--file=-",
          `--dbname=${dbname}`,
        ],
      },
      env,
    );
    const restoredIn = (performance.now() - started) / 1000;

    if (target.runtime) {
      const report = await setUpDatabase({ owner: target.owner, runtime: target.runtime });
      if (report.migrations.applied.length) console.log(`Applied ${report.migrations.applied.length} newer migration(s).`);
      if (report.role) console.log(`Granted the runtime role "${report.role.name}" its rights.`);
      for (const warning of report.warnings) console.warn(`Warning: ${warning}`);
    }
    const summary = new Client({ connectionString: target.owner });
    await summary.connect();
    try {
      const { rows } = await summary.query<{ tables: number; events: string }>(
        "SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public') AS tables, (SELECT count(*) FROM audit_events) AS events",
      );
      console.log(`Restored ${rows[0]?.tables} tables and ${rows[0]?.events} audit events in ${restoredIn.toFixed(1)} s.`);
    } finally {
      await summary.end();
    }
    if (!target.runtime) {
      console.log(
        "Next: run `npm run db:migrate` with MIGRATION_DATABASE_URL set to this database and DATABASE_URL to the app's role " +
          "on it, to apply newer migrations and grant that role its rights, then point the app at it.",
      );
    }
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
