import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// One registry per process, shared through globalThis for the same reason as the logger.
const key = Symbol.for("shipshape.metrics");

/** What the application's database pool holds right now; read at every scrape. */
export type PoolStats = { total: number; idle: number; waiting: number; max: number };

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  dbUp: Gauge;
  dbErrors: Counter<"kind">;
  answerConflicts: Counter;
  httpRefused: Counter<"reason">;
  httpRunning: Gauge;
  httpQueued: Gauge;
  httpMaxConcurrency: Gauge;
  httpMaxQueue: Gauge;
  /** Set by lib/db once the application's pool exists; until then the pool gauges read 0. */
  poolStats: { read?: () => PoolStats };
  /** One per job attempt: completed, failed (retried while attempts remain) or invalid (a payload that never runs). */
  jobRuns: Counter<"job" | "outcome">;
  jobDuration: Histogram<"job" | "outcome">;
  jobLastSuccess: Gauge<"job">;
};

// prom-client's default collectors export these three as gauges named "…_total", which `promtool check
// metrics` rejects (only counters end in _total); the same counts stay available by type without it.
const LINT_FAILING_DEFAULTS = [
  "shipshape_nodejs_active_handles_total",
  "shipshape_nodejs_active_requests_total",
  "shipshape_nodejs_active_resources_total",
];

type Holder = { [key]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "shipshape_" });
    for (const name of LINT_FAILING_DEFAULTS) registry.removeSingleMetric(name);
    const poolStats: Metrics["poolStats"] = {};
    const readPool = (): PoolStats => poolStats.read?.() ?? { total: 0, idle: 0, waiting: 0, max: 0 };
    holder[key] = {
      registry,
      httpDuration: new Histogram({
        name: "shipshape_http_request_duration_seconds",
        help: "HTTP request duration by route template and status",
        labelNames: ["method", "route", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
      dbUp: new Gauge({ name: "shipshape_database_up", help: "1 when the database answered the last probe", registers: [registry] }),
      dbErrors: new Counter({
        name: "shipshape_database_errors_total",
        help: "Database errors by kind",
        labelNames: ["kind"],
        registers: [registry],
      }),
      answerConflicts: new Counter({
        name: "shipshape_answer_conflicts_total",
        help: "Answer writes refused because the answer changed meanwhile",
        registers: [registry],
      }),
      httpRefused: new Counter({
        name: "shipshape_http_refused_total",
        help: "Requests answered 503 at the front door: overloaded (queue full or queue timeout) or database unavailable",
        labelNames: ["reason"],
        registers: [registry],
      }),
      httpRunning: new Gauge({ name: "shipshape_http_requests_running", help: "Requests being handled now", registers: [registry] }),
      httpQueued: new Gauge({ name: "shipshape_http_requests_queued", help: "Requests waiting for a slot", registers: [registry] }),
      httpMaxConcurrency: new Gauge({
        name: "shipshape_http_max_concurrency",
        help: "Requests handled at once at most (HTTP_MAX_CONCURRENCY)",
        registers: [registry],
      }),
      httpMaxQueue: new Gauge({
        name: "shipshape_http_max_queue",
        help: "Requests that may wait for a slot (HTTP_MAX_QUEUE)",
        registers: [registry],
      }),
      poolStats,
      jobRuns: new Counter({
        name: "shipshape_job_runs_total",
        help: "Background job attempts by job and outcome (completed, failed, invalid)",
        labelNames: ["job", "outcome"],
        registers: [registry],
      }),
      jobDuration: new Histogram({
        name: "shipshape_job_run_duration_seconds",
        help: "How long a background job attempt ran, by job and outcome",
        labelNames: ["job", "outcome"],
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
        registers: [registry],
      }),
      jobLastSuccess: new Gauge({
        name: "shipshape_job_last_success_timestamp_seconds",
        help: "When this process last completed each background job (Unix seconds)",
        labelNames: ["job"],
        registers: [registry],
      }),
    };
    new Gauge({
      name: "shipshape_database_pool_connections",
      help: "Connections of the application's database pool, by state (busy: checked out by a query or transaction)",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const stats = readPool();
        this.set({ state: "busy" }, stats.total - stats.idle);
        this.set({ state: "idle" }, stats.idle);
      },
    });
    new Gauge({
      name: "shipshape_database_pool_waiting",
      help: "Queries waiting for a free connection of the application's pool",
      registers: [registry],
      collect() {
        this.set(readPool().waiting);
      },
    });
    new Gauge({
      name: "shipshape_database_pool_max",
      help: "Size of the application's database pool (DB_POOL_MAX)",
      registers: [registry],
      collect() {
        this.set(readPool().max);
      },
    });
  }
  return holder[key];
}
