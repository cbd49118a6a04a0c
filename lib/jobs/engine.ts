import { hostname } from "node:os";
import { PgBoss, type Queue } from "pg-boss";
import { JOB_SCHEMA } from "@/lib/db/job-schema";
import type { AnyJobDefinition } from "@/lib/jobs/define";
import { effectiveCron, JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/run";
import { logger } from "@/lib/observability/logger";

// The job engine: pg-boss over the application's database. Every process that may enqueue work starts one; those
// that also work (the server unless JOBS_MODE=off, and `npm run worker`) register a worker per job and keep the
// schedules. pg-boss runs each cron occurrence once however many instances keep schedules (a throttle slot per
// occurrence in the job table), and SKIP LOCKED hands each job to one worker. pg-boss's schema is installed and
// upgraded only by `npm run db:migrate`; here it starts with migrate: false, so the runtime role suffices.

export type JobEngineOptions = {
  databaseUrl: string;
  /** Register workers and keep schedules; false only sends (a server with JOBS_MODE=off). */
  work: boolean;
  /** JOBS_SCHEDULES. */
  scheduleOverrides?: Record<string, string>;
  registry?: readonly AnyJobDefinition[];
  /** Shown in pg-boss's instance registry, e.g. "server" or "worker". */
  instanceName: string;
  /** How often an idle worker looks for jobs (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
  /** How often this instance checks schedules (1–45 s; pg-boss's default is 30 s). */
  cronCheckSeconds?: number;
};

export type JobEngine = {
  /** Validates the payload against the job's schema and enqueues it; resolves with the job's id. */
  send(name: string, payload?: unknown, options?: { singletonKey?: string; startAfterSeconds?: number }): Promise<string | null>;
  /** Stops fetching, lets running jobs finish for up to `timeoutMs`, then fails what is left (it is retried). */
  stop(timeoutMs: number): Promise<void>;
};

function queueOptions(job: AnyJobDefinition): Omit<Queue, "name"> {
  return {
    retryLimit: job.retry.retries,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    ...(job.retry.maxDelaySeconds ? { retryDelayMax: job.retry.maxDelaySeconds } : {}),
    expireInSeconds: job.timeoutSeconds,
  };
}

/** pg-boss reports the same failure on every poll while the database is away; one line a minute says enough. */
function quietly(log: ReturnType<typeof logger>, intervalMs = 60_000) {
  const lastSeen = new Map<string, { at: number; suppressed: number }>();
  return (level: "warn" | "error", message: string, fields: Record<string, unknown>) => {
    const now = Date.now();
    const seen = lastSeen.get(message);
    if (seen && now - seen.at < intervalMs) {
      seen.suppressed += 1;
      return;
    }
    lastSeen.set(message, { at: now, suppressed: 0 });
    log[level]({ ...fields, ...(seen?.suppressed ? { repeated: seen.suppressed } : {}) }, message);
  };
}

/** Queues, schedules and workers for every job: run by each working instance on start, idempotent. */
async function registerWork(
  boss: PgBoss,
  registry: readonly AnyJobDefinition[],
  overrides: Record<string, string>,
  pollingIntervalSeconds: number,
  removeStaleSchedules: boolean,
) {
  const names = new Set(registry.map((job) => job.name));
  for (const job of registry) {
    await boss.createQueue(job.name, queueOptions(job));
    // createQueue keeps an existing queue as it was; the registry's policy wins on every start.
    await boss.updateQueue(job.name, queueOptions(job));
    const cron = effectiveCron(job, overrides);
    if (cron) await boss.schedule(job.name, cron, (job.scheduledPayload ?? {}) as object, { tz: "UTC" });
    else await boss.unschedule(job.name);
  }
  // Schedules of jobs that no longer exist would fill queues nobody works.
  for (const schedule of removeStaleSchedules ? await boss.getSchedules() : []) {
    if (!names.has(schedule.name) && !schedule.name.startsWith("__pgboss")) await boss.unschedule(schedule.name, schedule.key);
  }
  for (const job of registry) {
    await boss.work(job.name, { batchSize: 1, perJobResults: true, pollingIntervalSeconds }, async ([next]) =>
      next ? [await runJob(job, next)] : [],
    );
  }
}

export async function startJobEngine(options: JobEngineOptions): Promise<JobEngine> {
  const registry = options.registry ?? JOBS;
  const overrides = options.scheduleOverrides ?? {};
  const log = logger().child({ component: "jobs" });
  const report = quietly(log);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_SCHEMA,
    application_name: `shipshape-jobs-${options.instanceName}`,
    instanceName: `${options.instanceName}@${hostname()}:${process.pid}`,
    max: options.work ? 4 : 2,
    // A database that is away fails the engine's queries quickly instead of holding a shutdown up.
    connectionTimeoutMillis: 2000,
    migrate: false,
    schedule: options.work,
    supervise: options.work,
    ...(options.cronCheckSeconds ? { cronMonitorIntervalSeconds: options.cronCheckSeconds } : {}),
  });
  boss.on("error", (error) => report("warn", "job engine error", { error: error.message, code: (error as { code?: string }).code }));
  boss.on("warning", (warning) => report("warn", "job engine warning", { warning: warning.message }));
  const byName = new Map(registry.map((job) => [job.name, job]));
  await boss.start();
  try {
    // A registry of its own (a test's) leaves the installation's other schedules alone.
    if (options.work) await registerWork(boss, registry, overrides, options.pollingIntervalSeconds ?? 2, !options.registry);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  log.info({ work: options.work, jobs: registry.map((job) => job.name) }, "job engine started");

  return {
    async send(name, payload = {}, sendOptions = {}) {
      const job = byName.get(name);
      if (!job) throw new Error(`No job named "${name}"`);
      const data = job.payload.parse(payload) as object;
      return boss.send(name, data, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
    },
    async stop(timeoutMs) {
      await boss.stop({ graceful: true, timeout: timeoutMs });
      log.info("job engine stopped");
    },
  };
}
