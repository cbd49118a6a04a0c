import type { Job, JobResult } from "pg-boss";
import { z } from "zod";
import type { AnyJobDefinition, JobOutput } from "@/lib/jobs/define";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { markSpanFailed, withSpan } from "@/lib/observability/spans";

// One attempt of one job: payload validation, the handler, a log line, a span and the metrics. Failures become
// results instead of throws, so pg-boss records the message on the job and retries while attempts remain.

export type RunOutcome = "completed" | "failed" | "invalid";

/** What a failed attempt leaves on the job row: admins read `message`. */
export function failureOutput(error: unknown): JobOutput {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 2000) };
  return { name: "Error", message: String(error).slice(0, 2000) };
}

export async function runJob(definition: AnyJobDefinition, job: Job<unknown>): Promise<JobResult> {
  const attempt = job.retryCount + 1;
  const log = logger().child({ job: definition.name, jobId: job.id, attempt });
  const started = process.hrtime.bigint();
  const finish = (outcome: RunOutcome) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics().jobRuns.inc({ job: definition.name, outcome });
    metrics().jobDuration.observe({ job: definition.name, outcome }, seconds);
    if (outcome === "completed") metrics().jobLastSuccess.set({ job: definition.name }, Date.now() / 1000);
    return Math.round(seconds * 1000);
  };
  const attributes = { "shipshape.job": definition.name, "shipshape.job_id": job.id, "shipshape.job_attempt": attempt };
  return withSpan(`job ${definition.name}`, { attributes }, async (span) => {
    const parsed = definition.payload.safeParse(job.data ?? {});
    if (!parsed.success) {
      // Retrying cannot fix a payload, so the job fails at once.
      const message = `Invalid payload: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}`;
      log.error({ ms: finish("invalid"), error: message }, "job payload invalid");
      markSpanFailed(span, message);
      return { id: job.id, status: "deadletter", output: { name: "InvalidPayload", message } };
    }
    log.info("job started");
    try {
      const output = await definition.handler(parsed.data as never, { jobId: job.id, attempt, log, signal: job.signal });
      log.info({ ms: finish("completed") }, "job completed");
      return { id: job.id, status: "completed", output: output ?? {} };
    } catch (error) {
      const willRetry = attempt <= definition.retry.retries;
      log[willRetry ? "warn" : "error"]({ ms: finish("failed"), err: error, willRetry }, "job failed");
      markSpanFailed(span, error instanceof Error ? error.message : String(error));
      span.recordException(error instanceof Error ? error : String(error));
      return { id: job.id, status: "failed", output: failureOutput(error) };
    }
  });
}
