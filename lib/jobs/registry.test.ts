import { describe, expect, it } from "vitest";
import { jobSettings, parseWorkerEnv } from "@/lib/env";
import { JOB_NAME } from "@/lib/jobs/define";
import { effectiveCron, JOBS, unknownScheduleNames } from "@/lib/jobs/registry";
import { startJobEngineInBackground } from "@/lib/jobs/process-engine";
import { pruneRateLimits } from "@/lib/jobs/prune-rate-limits";

describe("the job registry", () => {
  it("names every job once, in the form pg-boss accepts", () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(JOB_NAME);
  });

  it("gives every scheduled job a payload its own schema accepts", () => {
    for (const job of JOBS.filter((j) => j.cron)) expect(job.payload.safeParse(job.scheduledPayload ?? {}).success).toBe(true);
  });

  it.each([
    [{}, "7 * * * *"],
    [{ "prune-rate-limits": "*/5 * * * *" }, "*/5 * * * *"],
    [{ "prune-rate-limits": "off" }, null],
    [{ "prune-rate-limits": "OFF" }, null],
  ])("applies JOBS_SCHEDULES %j", (overrides, cron) => {
    expect(effectiveCron(pruneRateLimits, overrides)).toBe(cron);
  });

  it("reports overrides that name no job, and a process refuses to start with one", () => {
    expect(unknownScheduleNames(JOBS, { "prune-rate-limit": "* * * * *", "prune-rate-limits": "off" })).toEqual(["prune-rate-limit"]);
    const options = { databaseUrl: "postgres://nowhere.invalid/db", work: true, instanceName: "test" };
    expect(() => startJobEngineInBackground({ ...options, scheduleOverrides: { "prune-rate-limit": "* * * * *" } })).toThrow(
      "JOBS_SCHEDULES names no such job: prune-rate-limit",
    );
  });
});

describe("job settings", () => {
  it("defaults to running jobs in the server, with the jobs' own schedules", () => {
    expect(jobSettings({})).toEqual({ JOBS_MODE: "in-process", JOBS_SCHEDULES: {} });
  });

  it("parses schedule overrides", () => {
    expect(jobSettings({ JOBS_MODE: "off", JOBS_SCHEDULES: " prune-rate-limits = */15 * * * * ; other=off;" })).toEqual({
      JOBS_MODE: "off",
      JOBS_SCHEDULES: { "prune-rate-limits": "*/15 * * * *", other: "off" },
    });
  });

  it.each([
    [{ JOBS_MODE: "sometimes" }, "JOBS_MODE"],
    [{ JOBS_SCHEDULES: "prune-rate-limits" }, "JOBS_SCHEDULES"],
    [{ JOBS_SCHEDULES: "=* * * * *" }, "JOBS_SCHEDULES"],
    [{ JOBS_SCHEDULES: "bad name=* * * * *" }, "JOBS_SCHEDULES"],
  ])("refuses %j, naming %s", (source, name) => {
    expect(() => jobSettings(source)).toThrow(name);
  });

  it("lets the worker start without any web or sign-in settings", () => {
    const config = parseWorkerEnv({ DATABASE_URL: "postgres://u:p@localhost/db" });
    expect(config).toMatchObject({ JOBS_MODE: "in-process", SHUTDOWN_TIMEOUT_MS: 10_000 });
    expect(config.METRICS_PORT).toBeUndefined();
    expect(() => parseWorkerEnv({})).toThrow("DATABASE_URL");
  });
});
