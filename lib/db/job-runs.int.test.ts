import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, pool } from "@/lib/db/client";
import { JOB_SCHEMA, listJobRuns, summarizeJobs } from "@/lib/db/job-runs";

// Runs as the admin page reads them, from rows in pg-boss's job table written the way pg-boss writes them. The
// rows are dated in the future so they are the newest whatever else the database holds.

const names: string[] = [];

afterAll(async () => {
  // Dated ahead, they would top every later list of runs in this database.
  await pool().query(`DELETE FROM ${JOB_SCHEMA}.job WHERE name = ANY($1)`, [names]);
  await pool().query(`DELETE FROM ${JOB_SCHEMA}.queue WHERE name = ANY($1)`, [names]);
  await closeDb();
});

async function insertRun(name: string, row: { state: string; hoursAhead: number; retries?: number; message?: string }) {
  if (!names.includes(name)) {
    names.push(name);
    await pool().query(`SELECT ${JOB_SCHEMA}.create_queue($1, '{"policy": "standard"}'::jsonb)`, [name]);
  }
  await pool().query(
    `INSERT INTO ${JOB_SCHEMA}.job (name, state, retry_limit, retry_count, created_on, started_on, completed_on, output)
     VALUES ($1, $2::${JOB_SCHEMA}.job_state, 2, $3,
             now() + make_interval(hours => $4), now() + make_interval(hours => $4, secs => 1), now() + make_interval(hours => $4, secs => 3.5), $5)`,
    [name, row.state, row.retries ?? 0, row.hoursAhead, row.message ? { name: "Error", message: row.message } : {}],
  );
}

describe("job runs", () => {
  it("lists runs newest first with their figures, filters by state and pages", async () => {
    const name = `test-runs-${randomUUID().slice(0, 8)}`;
    await insertRun(name, { state: "failed", hoursAhead: 30, retries: 2, message: "third" });
    await insertRun(name, { state: "failed", hoursAhead: 31, retries: 2, message: "second" });
    await insertRun(name, { state: "completed", hoursAhead: 32, retries: 1 });
    await insertRun(name, { state: "failed", hoursAhead: 33, retries: 2, message: "first" });

    const all = await listJobRuns({}, { page: 1, pageSize: 2 });
    expect(all.items.map((r) => [r.job, r.state])).toEqual([
      [name, "failed"],
      [name, "completed"],
    ]);
    expect(all.items[1]).toMatchObject({ attempts: 2, maxAttempts: 3, durationMs: 2500, error: null });

    const failed = await listJobRuns({ state: "failed" }, { page: 1, pageSize: 2 });
    expect(failed.items.map((r) => r.error)).toEqual(["first", "second"]);
    expect(failed.items[0]).toMatchObject({ attempts: 3, maxAttempts: 3 });
    const next = await listJobRuns({ state: "failed" }, { page: 2, pageSize: 2 });
    expect(next.items[0]?.error).toBe("third");
    expect(failed.total).toBe(next.total);
    expect(failed.total).toBeGreaterThanOrEqual(3);

    const beyond = await listJobRuns({ state: "failed" }, { page: 100_000, pageSize: 2 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(failed.total);
  });

  it("summarises each job's latest run", async () => {
    const name = `test-summary-${randomUUID().slice(0, 8)}`;
    await insertRun(name, { state: "completed", hoursAhead: 40 });
    await insertRun(name, { state: "failed", hoursAhead: 41, message: "down" });
    const summaries = await summarizeJobs([name, "no-such-job"]);
    expect(summaries.get(name)).toMatchObject({ lastState: "failed" });
    expect(summaries.get("no-such-job")).toMatchObject({ lastRunOn: null, lastState: null, failedLastDay: 0 });
  });
});
