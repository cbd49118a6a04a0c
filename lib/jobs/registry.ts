import type { AnyJobDefinition } from "@/lib/jobs/define";
import { checkEvidenceLinksJob } from "@/lib/jobs/check-evidence-links";
import { probeHealthChecks } from "@/lib/jobs/probe-health";
import { pruneRateLimits } from "@/lib/jobs/prune-rate-limits";

/** Every background job Shipshape runs. A new job is one defineJob() file and one line here. */
export const JOBS: readonly AnyJobDefinition[] = [pruneRateLimits, probeHealthChecks, checkEvidenceLinksJob];

/** A job's schedule after JOBS_SCHEDULES: its cron expression, or null when it only runs when sent. */
export function effectiveCron(job: AnyJobDefinition, overrides: Record<string, string>): string | null {
  const override = overrides[job.name];
  if (override === undefined) return job.cron ?? null;
  return override.toLowerCase() === "off" ? null : override;
}

/** The overrides that name no job: a typo there would silently keep the default schedule. */
export function unknownScheduleNames(registry: readonly AnyJobDefinition[], overrides: Record<string, string>): string[] {
  const names = new Set(registry.map((job) => job.name));
  return Object.keys(overrides).filter((name) => !names.has(name));
}
