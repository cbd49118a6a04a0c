// The states of a background job run as pg-boss stores them, and how a run's figures follow from its row.

export const JOB_RUN_STATES = ["created", "retry", "active", "completed", "failed", "cancelled"] as const;
export type JobRunState = (typeof JOB_RUN_STATES)[number];

export function isJobRunState(value: string): value is JobRunState {
  return (JOB_RUN_STATES as readonly string[]).includes(value);
}

/** Attempts made so far: none before the first start; pg-boss counts retries from 0. */
export function jobRunAttempts(row: { startedOn: Date | null; retryCount: number }): number {
  return row.startedOn ? row.retryCount + 1 : 0;
}

/** How long the last attempt ran, in milliseconds; null while it has not finished (or never started). */
export function jobRunDurationMs(row: { state: JobRunState; startedOn: Date | null; completedOn: Date | null }): number | null {
  if (!row.startedOn || !row.completedOn || (row.state !== "completed" && row.state !== "failed")) return null;
  return Math.max(0, row.completedOn.getTime() - row.startedOn.getTime());
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
