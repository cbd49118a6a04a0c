import { startJobEngine, type JobEngine, type JobEngineOptions } from "@/lib/jobs/engine";
import { JOBS, unknownScheduleNames } from "@/lib/jobs/registry";
import { logger } from "@/lib/observability/logger";

// The process's one job engine, started in the background: a server must serve (503s included) while its
// database is away or not yet migrated, so a failed start is logged and tried again, doubling the wait up to 30 s.

const key = Symbol.for("shipshape.jobs");
type Holder = { [key]?: JobEngine };

export type BackgroundJobEngine = {
  /** Resolves once the engine has started (never rejects; failures are retried). */
  started: Promise<void>;
  /** Stops retrying, or stops the engine gracefully. */
  stop(timeoutMs: number): Promise<void>;
};

export function startJobEngineInBackground(options: JobEngineOptions): BackgroundJobEngine {
  // A setting naming no job is a mistake no retry fixes: refuse to start, as for any other bad setting.
  const unknown = unknownScheduleNames(options.registry ?? JOBS, options.scheduleOverrides ?? {});
  if (unknown.length > 0) throw new Error(`JOBS_SCHEDULES names no such job: ${unknown.join(", ")}`);
  const log = logger().child({ component: "jobs" });
  let stopping = false;
  let wake: (() => void) | undefined;
  let engine: JobEngine | undefined;
  const started = (async () => {
    for (let waitMs = 1000; !stopping; waitMs = Math.min(waitMs * 2, 30_000)) {
      try {
        engine = await startJobEngine(options);
        (globalThis as Holder)[key] = engine;
        return;
      } catch (error) {
        log.warn({ error: error instanceof Error ? error.message : String(error), retryInMs: waitMs }, "job engine not started; retrying");
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, waitMs).unref();
        });
      }
    }
  })();
  return {
    started,
    async stop(timeoutMs) {
      stopping = true;
      wake?.();
      await started;
      if ((globalThis as Holder)[key] === engine) delete (globalThis as Holder)[key];
      // pg-boss's own deadline covers running jobs; this one also covers a database that stopped answering.
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs + 2000).unref());
      await Promise.race([engine?.stop(timeoutMs), deadline]);
    },
  };
}

/** The engine this process started, for code that enqueues work; null before it has started. */
export function jobEngine(): JobEngine | null {
  return (globalThis as Holder)[key] ?? null;
}
