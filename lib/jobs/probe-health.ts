import { z } from "zod";
import { runProbes } from "@/lib/checks/run-probes";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define";
import { parseAllowlist } from "@/lib/net/outbound";

/** Every 15 minutes: each service's health check URL, recorded for every item bound to an HTTP probe. */
export const probeHealthChecks = defineJob({
  name: "probe-health-checks",
  description: "Probes every service's health check URL and records the result on the checklist items bound to an HTTP probe.",
  payload: z.object({}).strict(),
  scheduledPayload: {},
  cron: "*/15 * * * *",
  // A missed round is made up by the next one; retrying late would only record an old observation as new.
  retry: { retries: 0, delaySeconds: 60, backoff: false },
  timeoutSeconds: 600,
  async handler(_payload, { log }) {
    const round = await runProbes(parseAllowlist(env().OUTBOUND_ALLOWLIST));
    log.info(round, "health checks probed");
    return round;
  },
});
