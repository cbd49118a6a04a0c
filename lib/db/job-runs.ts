import type { Paginated, PageRequest } from "@/lib/domain/pagination";
import { jobRunAttempts, jobRunDurationMs, type JobRunState } from "@/lib/domain/job-runs";
import { pageOffset, paginate } from "@/lib/domain/pagination";
import { pool } from "@/lib/db/client";

/** The schema pg-boss's tables live in (installed by `npm run db:migrate`, lib/db/job-schema.ts). */
export const JOB_SCHEMA = "pgboss";

// Recent background job runs for the admin page, read from pg-boss's job table. pg-boss's own queues (cron
// forwarding) are left out. Completed runs stay for 7 days and failed ones for 14 (pg-boss's retention).

export type JobRun = {
  id: string;
  job: string;
  state: JobRunState;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  durationMs: number | null;
  attempts: number;
  maxAttempts: number;
  /** The last failure's message, for failed runs and runs waiting to retry. */
  error: string | null;
};

type Row = {
  id: string;
  job: string;
  state: JobRunState;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  retry_count: number;
  retry_limit: number;
  error: string | null;
  total: number;
};

// pg-boss's own queues are named __pgboss__…; $1 is a state or null for all.
const RUNS_WHERE = `name NOT LIKE '\\_\\_pgboss\\_\\_%' AND ($1::text IS NULL OR state::text = $1)`;

export async function listJobRuns(filter: { state?: JobRunState }, request: PageRequest): Promise<Paginated<JobRun>> {
  const { page, pageSize } = request;
  // One statement, so the count and the page agree. id breaks ties so pages never overlap.
  const { rows } = await pool().query<Row>(
    `SELECT j.id::text, j.name AS job, j.state::text AS state, j.created_on, j.started_on, j.completed_on, j.retry_count, j.retry_limit,
            CASE WHEN j.state IN ('failed', 'retry') THEN left(j.output->>'message', 2000) END AS error,
            (count(*) OVER ())::int AS total
     FROM ${JOB_SCHEMA}.job j
     WHERE ${RUNS_WHERE}
     ORDER BY j.created_on DESC, j.id DESC
     LIMIT $2 OFFSET $3`,
    [filter.state ?? null, pageSize, pageOffset(page, pageSize)],
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    // Past the last page the window count has no row to ride on.
    const { rows: counted } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE ${RUNS_WHERE}`, [
      filter.state ?? null,
    ]);
    total = counted[0]?.n ?? 0;
  }
  const items = rows.map((row) => {
    const times = { state: row.state, startedOn: row.started_on, completedOn: row.completed_on };
    return {
      id: row.id,
      job: row.job,
      state: row.state,
      createdOn: row.created_on,
      startedOn: row.started_on,
      completedOn: row.completed_on,
      durationMs: jobRunDurationMs(times),
      attempts: jobRunAttempts({ startedOn: row.started_on, retryCount: row.retry_count }),
      maxAttempts: row.retry_limit + 1,
      error: row.error,
    };
  });
  return paginate(items, total, page, pageSize);
}

export type JobSummary = { job: string; lastRunOn: Date | null; lastState: JobRunState | null; failedLastDay: number };

/** Per job: its latest run and how many runs failed in the last 24 hours. */
export async function summarizeJobs(names: readonly string[]): Promise<Map<string, JobSummary>> {
  const { rows } = await pool().query<{ job: string; last_run_on: Date | null; last_state: JobRunState | null; failed_last_day: number }>(
    `SELECT n.job,
            last.created_on AS last_run_on, last.state::text AS last_state,
            (SELECT count(*)::int FROM ${JOB_SCHEMA}.job f WHERE f.name = n.job AND f.state = 'failed' AND f.completed_on > now() - interval '1 day') AS failed_last_day
     FROM unnest($1::text[]) AS n(job)
     LEFT JOIN LATERAL (SELECT created_on, state FROM ${JOB_SCHEMA}.job j WHERE j.name = n.job ORDER BY created_on DESC LIMIT 1) last ON true`,
    [names],
  );
  return new Map(
    rows.map((row) => [
      row.job,
      { job: row.job, lastRunOn: row.last_run_on, lastState: row.last_state, failedLastDay: row.failed_last_day },
    ]),
  );
}
