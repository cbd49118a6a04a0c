import { z } from "zod";
import { deleteExpiredRateLimits } from "@/lib/db/rate-limits";
import { defineJob } from "@/lib/jobs/define";

/**
 * Sign-in and API counters live in `rate_limits`, one row per key and window. Rows of ended windows count for
 * nothing; this deletes them once an hour for the whole installation. The grace period keeps the rows of a window
 * that only just ended, so a replica whose clock runs a little behind still finds its own.
 */
export const pruneRateLimits = defineJob({
  name: "prune-rate-limits",
  description: "Deletes sign-in and API rate-limit counters whose window ended over an hour ago.",
  payload: z.object({ graceSeconds: z.number().int().min(0).max(86_400).default(3600) }).strict(),
  scheduledPayload: {},
  cron: "7 * * * *",
  retry: { retries: 3, delaySeconds: 30, backoff: true, maxDelaySeconds: 600 },
  timeoutSeconds: 300,
  async handler({ graceSeconds }, { log }) {
    const deleted = await deleteExpiredRateLimits(graceSeconds);
    log.info({ deleted }, "expired rate-limit counters deleted");
    return { deleted };
  },
});
