// `npm run worker`: runs only the background and scheduled jobs, for installs that keep them off the web servers
// (JOBS_MODE=off there). Any number may run against one database: each job goes to one worker, and each scheduled
// run happens once. SIGTERM/SIGINT let running jobs finish (up to SHUTDOWN_TIMEOUT_MS) before it exits.
import { parseWorkerEnv, tracingDecision } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { startTracing } from "@/lib/observability/tracing";
import { configOrExit } from "./lib/config";
import { stopOnSignal } from "./lib/signals";

async function main() {
  const config = configOrExit(parseWorkerEnv);
  const tracing = await startTracing(tracingDecision(config));
  // Loaded only now, so the tracing instrumentations see pg as it is first required.
  const [{ startJobEngineInBackground }, { startMetricsListener }, { closeDb }] = await Promise.all([
    import("@/lib/jobs/process-engine"),
    import("@/lib/server/metrics-endpoint"),
    import("@/lib/db/client"),
  ]);
  const closeMetrics = config.METRICS_PORT
    ? await startMetricsListener({ mode: "separate", host: config.METRICS_HOST, port: config.METRICS_PORT, token: config.METRICS_TOKEN })
    : undefined;
  const jobs = startJobEngineInBackground({
    databaseUrl: config.DATABASE_URL,
    work: true,
    scheduleOverrides: config.JOBS_SCHEDULES,
    instanceName: "worker",
  });
  stopOnSignal(async () => {
    await jobs.stop(config.SHUTDOWN_TIMEOUT_MS);
    await closeMetrics?.();
    await closeDb();
    await tracing?.shutdown().catch(() => undefined);
  });
}

main().catch((error: unknown) => {
  logger().fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
