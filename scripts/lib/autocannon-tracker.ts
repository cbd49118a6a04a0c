// autocannon for a fixed number of connections over a duration, with every response's status and latency reported.
import { createRequire } from "node:module";
import path from "node:path";

// autocannon ships no types; these are the parts of its documented API used here.
export type Tracker = PromiseLike<{ requests: { total: number }; errors: number; timeouts: number }> & {
  on: (event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void) => void;
};
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  timeout: number;
}) => Tracker;
const load = createRequire(path.join(process.cwd(), "package.json"));

export type TrackedRun = { url: string; connections: number; durationS: number; headers: Record<string, string> };

export function startTracked(run: TrackedRun): Tracker {
  const autocannon = load("autocannon") as Autocannon;
  return autocannon({ url: run.url, connections: run.connections, duration: run.durationS, headers: run.headers, timeout: 30 });
}
