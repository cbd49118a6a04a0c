import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// One registry per process, shared through globalThis for the same reason as the logger.
const key = Symbol.for("shipshape.metrics");

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  dbUp: Gauge;
  dbErrors: Counter<"kind">;
  answerConflicts: Counter;
  httpRefused: Counter<"reason">;
  httpRunning: Gauge;
  httpQueued: Gauge;
};

type Holder = { [key]?: Metrics };

export function metrics(): Metrics {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "shipshape_" });
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
    };
  }
  return holder[key];
}
