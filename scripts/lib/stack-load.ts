// Signed-in GETs through nginx with autocannon while something bad happens to one replica part-way through.
import { startTracked } from "./autocannon-tracker";
import { ms, summarize } from "./bench-stats";

export type LoadOptions = {
  url: string;
  cookie: string;
  connections: number;
  durationS: number;
  faultAtS: number;
  fault: () => Promise<void>;
};

export type LoadResult = {
  requests: number;
  byStatus: Map<number, number>;
  errors: number;
  timeouts: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  faultAtMs: number;
};

export async function loadWithFault(options: LoadOptions): Promise<LoadResult> {
  const byStatus = new Map<number, number>();
  const latencies: number[] = [];
  const started = performance.now();
  const tracker = startTracked({
    url: options.url,
    connections: options.connections,
    durationS: options.durationS,
    headers: { cookie: options.cookie, accept: "text/html" },
  });
  tracker.on("response", (_client, status, _bytes, latency) => {
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    latencies.push(latency);
  });
  let faultAtMs = 0;
  const fault = new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      faultAtMs = performance.now() - started;
      options.fault().then(resolve, reject);
    }, options.faultAtS * 1000);
  });
  const [result] = await Promise.all([tracker, fault]);
  const stats = summarize(latencies);
  return {
    requests: result.requests.total,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: stats.p50,
    p99Ms: stats.p99,
    maxMs: latencies.reduce((a, b) => Math.max(a, b), 0),
    faultAtMs,
  };
}

export function describeStatuses(byStatus: Map<number, number>): string {
  return [...byStatus].map(([status, count]) => `${status}×${count}`).join(", ") || "none";
}

export { ms };
