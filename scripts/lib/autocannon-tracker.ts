// The one door to autocannon for the benches: its options and result typed once, loaded from the project's
// node_modules, and a tracked run that reports every response's status and latency.
import { createRequire } from "node:module";
import path from "node:path";

// autocannon ships no types; these are the parts of its documented API the benches use.
export type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
export type AutocannonOptions = {
  url: string;
  connections: number;
  headers: Record<string, string>;
  timeout: number;
  /** Seconds to run; give this or `amount`. */
  duration?: number;
  /** Requests to send in all; give this or `duration`. */
  amount?: number;
  overallRate?: number;
  method?: string;
  body?: string;
  requests?: { setupRequest: (request: RawRequest) => RawRequest }[];
};
type Histogram = { p50: number; p90: number; p99: number; max: number; average: number };
export type AutocannonResult = {
  latency: Histogram;
  requests: { total: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
};
export type Tracker = PromiseLike<AutocannonResult> & {
  on: (event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void) => void;
};
const load = createRequire(path.join(process.cwd(), "package.json"));

export function autocannon(options: AutocannonOptions): Tracker {
  return (load("autocannon") as (options: AutocannonOptions) => Tracker)(options);
}

/** A fixed number of connections for a duration (`durationS`) or for a number of requests (`amount`). */
export type TrackedRun = { url: string; connections: number; headers: Record<string, string> } & (
  { durationS: number } | { amount: number }
);

export function startTracked(run: TrackedRun): Tracker {
  const length = "amount" in run ? { amount: run.amount } : { duration: run.durationS };
  return autocannon({ url: run.url, connections: run.connections, headers: run.headers, timeout: 30, ...length });
}
