import type { IncomingMessage } from "node:http";
import type { TracingDecision } from "@/lib/env";

// Starts OpenTelemetry tracing for the HTTP front (scripts/start.ts), before node:http, next or pg are loaded:
// the instrumentations patch those modules as they are first required, so whatever was loaded earlier would go
// untraced. The SDK reads the standard OTEL_* variables itself (exporter protocol and endpoint, headers, sampler,
// service name, resource attributes, batching). Next.js's own spans (route rendering, route handlers, metadata)
// join the request's trace through the global tracer provider; Shipshape adds spans for server actions.

export type RunningTracing = { shutdown: () => Promise<void> };

// Probes, metrics scrapes and static files would be most of the spans and say nothing about a request's work.
const UNTRACED_PATHS = ["/livez", "/readyz", "/healthz", "/metrics", "/favicon.ico"];

export function isUntracedPath(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || UNTRACED_PATHS.includes(pathname);
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0] ?? "/";
}

/**
 * Starts the SDK when `decision` says so and returns its handle, or null without loading any of it. The packages
 * are imported here, never at the top of a module, so a server without tracing never pays for them.
 */
export async function startTracing(decision: TracingDecision): Promise<RunningTracing | null> {
  if (!decision.enabled) return null;
  const [{ NodeSDK }, { resourceFromAttributes }, { HttpInstrumentation }, { PgInstrumentation }, { UndiciInstrumentation }] =
    await Promise.all([
      import("@opentelemetry/sdk-node"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/instrumentation-http"),
      import("@opentelemetry/instrumentation-pg"),
      import("@opentelemetry/instrumentation-undici"),
    ]);
  const sdk = new NodeSDK({
    // The default name; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, detected at start, win over it.
    resource: resourceFromAttributes({ "service.name": "shipshape" }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => isUntracedPath(pathOf(req)) }),
      // Only queries made for a request or an action: the database probe's pings every few hundred
      // milliseconds would otherwise each be a trace of their own.
      new PgInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
    // Traces only: metrics are Prometheus's at /metrics and logs are JSON lines on stdout carrying the trace id.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
