import { describe, expect, it } from "vitest";
import { formatDurationMs, jobRunAttempts, jobRunDurationMs } from "@/lib/domain/job-runs";

const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s));

describe("job run figures", () => {
  it.each([
    [{ startedOn: null, retryCount: 0 }, 0],
    [{ startedOn: at(0), retryCount: 0 }, 1],
    [{ startedOn: at(0), retryCount: 2 }, 3],
  ])("counts attempts of %j as %i", (row, attempts) => {
    expect(jobRunAttempts(row)).toBe(attempts);
  });

  it.each([
    [{ state: "completed" as const, startedOn: at(0), completedOn: at(3) }, 3000],
    [{ state: "failed" as const, startedOn: at(0), completedOn: at(1) }, 1000],
    [{ state: "active" as const, startedOn: at(0), completedOn: null }, null],
    [{ state: "retry" as const, startedOn: at(0), completedOn: at(2) }, null],
    [{ state: "created" as const, startedOn: null, completedOn: null }, null],
  ])("measures %j as %s ms", (row, ms) => {
    expect(jobRunDurationMs(row)).toBe(ms);
  });

  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [12_400, "12.4 s"],
    [185_000, "3 min 5 s"],
  ])("writes %i ms as %s", (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});
