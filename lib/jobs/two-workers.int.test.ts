import { spawn, type ChildProcess } from "node:child_process";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { JOB_SCHEMA } from "@/lib/db/job-schema";
import { pruneRateLimits } from "@/lib/jobs/prune-rate-limits";

// Two `npm run worker` processes on one database, both keeping schedules, with the real maintenance job set to run
// every minute: each minute's occurrence must become one job, run by one of them, once. pg-boss's cron resolution
// is one minute, so this takes about two and a half minutes of mostly waiting.

const JOB = pruneRateLimits.name;
const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const workers: { child: ChildProcess; lines: string[] }[] = [];

afterAll(async () => {
  for (const { child } of workers) if (child.exitCode === null) child.kill("SIGKILL");
  await db.end();
});

function startWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, JOBS_SCHEDULES: `${JOB}=* * * * *`, LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "5000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let rest = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts);
  });
  workers.push({ child, lines });
  return { child, lines };
}

type LogLine = { msg?: string; job?: string; jobId?: string; work?: boolean };
const parsed = (lines: string[]): LogLine[] => lines.flatMap((line) => (line.startsWith("{") ? [JSON.parse(line) as LogLine] : []));
const completions = (lines: string[]) => parsed(lines).filter((l) => l.msg === "job completed" && l.job === JOB);

async function completedSince(since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'completed' AND created_on >= $2`,
    [JOB, since],
  );
  return rows[0]?.n ?? 0;
}

describe("two worker processes on one database", () => {
  it("run a scheduled job exactly once per interval, and stop cleanly on SIGTERM", { timeout: 240_000 }, async () => {
    const since = new Date(Date.now() - 1000);
    const a = startWorker();
    const b = startWorker();
    const deadline = Date.now() + 200_000;
    while ((await completedSince(since)) < 3) {
      if (Date.now() > deadline) throw new Error("fewer than three scheduled runs in 200 s");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const exits = [a, b].map(({ child }) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))));
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await Promise.all(exits)).toEqual([0, 0]);

    for (const { lines } of [a, b]) {
      expect(parsed(lines).some((l) => l.msg === "job engine started" && l.work === true)).toBe(true);
      expect(parsed(lines).some((l) => l.msg === "job engine stopped")).toBe(true);
    }
    // One job per minute slot the schedule passed through, and every job run by exactly one process, once.
    const { rows: slots } = await db.query<{ slot: string; jobs: number; forwarded: number }>(
      `SELECT data->>'slot' AS slot, count(*)::int AS jobs, count(*) FILTER (WHERE state = 'completed')::int AS forwarded
       FROM ${JOB_SCHEMA}.job
       WHERE name = '__pgboss__send-it' AND data->>'name' = $1 AND created_on >= $2 GROUP BY 1 ORDER BY 1`,
      [JOB, since],
    );
    const { rows: runs } = await db.query<{ id: string; state: string }>(
      `SELECT id::text, state::text FROM ${JOB_SCHEMA}.job WHERE name = $1 AND created_on >= $2`,
      [JOB, since],
    );
    expect(slots.length).toBeGreaterThanOrEqual(3);
    expect(slots.every((s) => s.jobs === 1)).toBe(true);
    const minutes = slots.map((s) => Date.parse(`${s.slot.replace(" ", "T")}Z`) / 60_000);
    expect(minutes).toEqual(minutes.map((_, i) => (minutes[0] ?? 0) + i));
    // A slot whose forwarding job was still waiting when the workers stopped has made no job yet.
    expect(runs.length).toBe(slots.reduce((sum, s) => sum + s.forwarded, 0));
    // Every job of these minutes ran once, in one of the two processes (a job queued earlier may have run too).
    const ran = [...completions(a.lines), ...completions(b.lines)].map((l) => l.jobId);
    expect(new Set(ran).size).toBe(ran.length);
    for (const run of runs.filter((r) => r.state === "completed")) expect(ran.filter((id) => id === run.id)).toHaveLength(1);
  });
});
