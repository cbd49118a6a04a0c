import { PgBoss } from "pg-boss";
import { escapeIdentifier, type ClientBase, type Pool } from "pg";
import { JOB_SCHEMA } from "@/lib/db/job-runs";

// The job queue's tables live in a schema of their own, owned by the owner role like every other table. pg-boss
// installs and upgrades it (its own versioned migrations) only from `npm run db:migrate`; the app and the worker
// start pg-boss with migrate: false, so the runtime role needs rights on rows, never on the schema's shape.

export { JOB_SCHEMA };

/** How long `db:migrate` waits for pg-boss's background index builds after an upgrade. */
const ASYNC_MIGRATION_WAIT_MS = 10 * 60_000;

export type JobSchemaReport = { from: number | null; to: number | null };

async function schemaVersion(owner: Pool): Promise<number | null> {
  if (!(await hasJobSchema(owner))) return null;
  const { rows } = await owner.query<{ version: number }>(`SELECT version FROM ${escapeIdentifier(JOB_SCHEMA)}.version LIMIT 1`);
  return rows[0]?.version ?? null;
}

/**
 * Installs or upgrades pg-boss's schema as the owner role (`owner` reads the version, `ownerUrl` is what pg-boss
 * connects with). Idempotent; pg-boss serialises concurrent runs with an advisory lock of its own.
 */
export async function migrateJobSchema(owner: Pool, ownerUrl: string): Promise<JobSchemaReport> {
  const from = await schemaVersion(owner);
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    application_name: "shipshape-migrate",
    max: 2,
    migrate: true,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  const failures: Error[] = [];
  boss.on("error", (error) => failures.push(error));
  await boss.start();
  try {
    // An upgrade may queue index builds that pg-boss runs CONCURRENTLY in the background. They need the owner's
    // rights, so they finish here rather than in an app that could not run them.
    const deadline = Date.now() + ASYNC_MIGRATION_WAIT_MS;
    for (;;) {
      const status = await boss.getBamStatus();
      const failed = status.find((s) => s.status === "failed");
      if (failed) throw new Error(`pg-boss's background migrations failed (${failed.count}); see ${JOB_SCHEMA}.bam`);
      if (!status.some((s) => s.status === "pending" || s.status === "in_progress")) break;
      if (Date.now() > deadline) throw new Error("pg-boss's background migrations did not finish within 10 minutes");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await boss.stop({ graceful: true, timeout: 5000 });
  }
  if (failures[0]) throw failures[0];
  return { from, to: await schemaVersion(owner) };
}

/**
 * The runtime role's rights on the queue: it reads and writes jobs, queues, schedules and pg-boss's bookkeeping rows
 * and calls its functions, but cannot change a table's shape. Run in the owner's grant transaction.
 */
export function jobSchemaGrants(role: string): string[] {
  const s = escapeIdentifier(JOB_SCHEMA);
  const r = escapeIdentifier(role);
  return [
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`,
  ];
}

/** Whether the queue's schema exists (a database migrated before the job engine has none until db:migrate). */
export async function hasJobSchema(pool: Pool | ClientBase): Promise<boolean> {
  const { rows } = await pool.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`${JOB_SCHEMA}.version`]);
  return rows[0]?.exists ?? false;
}
