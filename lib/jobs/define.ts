import type { Logger } from "pino";
import type { z } from "zod";

// What a background job is: a queue name, a zod schema for its payload, a handler, and optionally a default
// schedule and a retry policy. Jobs are listed in lib/jobs/registry.ts; the engine (lib/jobs/engine.ts) turns each
// into a pg-boss queue, worker and schedule. Handlers must be idempotent: a job whose worker dies mid-run is
// tried again, and a retried attempt may follow one that got partway.

export type RetryPolicy = {
  /** Attempts after the first one. */
  retries: number;
  /** Wait before the first retry; with backoff, doubled (with jitter) for each further one. */
  delaySeconds: number;
  backoff: boolean;
  /** With backoff, the longest wait between attempts. */
  maxDelaySeconds?: number;
};

export type JobContext = {
  jobId: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Carries the job's name, id and attempt on every line. */
  log: Logger;
  /** Aborted when the worker stops and the job's grace period is over, or when the job exceeds its timeout. */
  signal: AbortSignal;
};

/** What a completed run leaves on the job row (shown to admins); keep it small and free of personal data. */
export type JobOutput = Record<string, string | number | boolean | null>;

export type JobDefinition<Schema extends z.ZodType = z.ZodType> = {
  /** The queue's name: letters, digits, `-`, `_` and `.`. */
  name: string;
  /** One sentence for admins: what it does and why. */
  description: string;
  payload: Schema;
  handler: (payload: z.output<Schema>, context: JobContext) => Promise<JobOutput | void>;
  /** Default schedule, a five-field cron expression in UTC. JOBS_SCHEDULES may replace it. */
  cron?: string;
  /** The payload scheduled runs get. */
  scheduledPayload?: z.input<Schema>;
  retry: RetryPolicy;
  /** An attempt running longer than this is failed (and retried while attempts remain). */
  timeoutSeconds: number;
};

/** Any job, as the registry holds them: the handler only ever receives what the job's own schema parsed. */
export type AnyJobDefinition = Omit<JobDefinition, "handler" | "scheduledPayload"> & {
  handler: (payload: never, context: JobContext) => Promise<JobOutput | void>;
  scheduledPayload?: unknown;
};

export const JOB_NAME = /^[A-Za-z0-9][\w.-]{0,99}$/;

/** Declares a job; the types of its payload and handler follow from the schema. */
export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  if (!JOB_NAME.test(definition.name)) throw new Error(`Job name "${definition.name}" must match ${JOB_NAME}`);
  return definition;
}
