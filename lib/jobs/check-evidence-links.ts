import { z } from "zod";
import { checkEvidenceLinks } from "@/lib/checks/link-health";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define";
import { parseAllowlist } from "@/lib/net/outbound";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every hour, the evidence links never checked or not checked for a day, a batch at a time. */
export const checkEvidenceLinksJob = defineJob({
  name: "check-evidence-links",
  description: "Checks evidence links that were never checked or not for a day, and flags dead ones on their reviews.",
  payload: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
  scheduledPayload: {},
  cron: "23 * * * *",
  retry: { retries: 2, delaySeconds: 120, backoff: true, maxDelaySeconds: 1800 },
  timeoutSeconds: 1800,
  async handler({ limit }, { log }) {
    const round = await checkEvidenceLinks(parseAllowlist(env().OUTBOUND_ALLOWLIST), { limit, timeoutMs: 5000, recheckAfterMs: DAY_MS });
    log.info(round, "evidence links checked");
    return round;
  },
});
