import type { IncomingMessage } from "node:http";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace";
import type { TracingDecision } from "@/lib/env";

// Starts OpenTelemetry tracing for the HTTP front (scripts/start.ts), before node:http, next or pg are loaded:
// the instrumentations patch those modules as they are first required, so whatever was loaded earlier would go
// untraced. The SDK reads the standard OTEL_* variables itself (exporter protocol and endpoint, headers, sampler,
// service name, resource attributes, batching). Next.js's own spans (route rendering, route handlers, metadata)
// join the request's trace through the global tracer provider; Shipshape adds spans for server actions.

/** Query parameters whose values are secrets: the OAuth callback's code and state, tokens, signatures. */
export const SECRET_QUERY_PARAMS = [
  "code",
  "state",
  "token",
  "access_token",
  "id_token",
  "refresh_token",
  "client_secret",
  "sig",
  "Signature",
  "AWSAccessKeyId",
  "X-Goog-Signature",
  "X-Amz-Signature",
  "X-Amz-Credential",
  "X-Amz-Security-Token",
];

/** `value` with the values of secret query parameters replaced, when it is a URL or a path with a query; else as is. */
export function redactQuery(value: string): string {
  const q = value.indexOf("?");
  if (q < 0) return value;
  const params = new URLSearchParams(value.slice(q + 1));
  let changed = false;
  for (const name of SECRET_QUERY_PARAMS) {
    if (!params.has(name)) continue;
    params.set(name, "REDACTED");
    changed = true;
  }
  return changed ? `${value.slice(0, q)}?${params.toString()}` : value;
}

// Attributes that carry a request's URL: the HTTP instrumentation redacts its own, but Next.js's spans record
// `http.target` with the raw query.
const URL_ATTRIBUTES = ["http.target", "http.url", "url.full", "url.query"];

function redactSpan(span: ReadableSpan): ReadableSpan {
  const hits = URL_ATTRIBUTES.filter((key) => typeof span.attributes[key] === "string");
  if (hits.length === 0) return span;
  const attributes = { ...span.attributes };
  for (const key of hits)
    attributes[key] = key === "url.query" ? redactQuery(`?${String(attributes[key])}`).slice(1) : redactQuery(String(attributes[key]));
  // The span's own methods (spanContext …) stay reachable through the prototype.
  return Object.create(span, { attributes: { value: attributes, enumerable: true } }) as ReadableSpan;
}

/** Wraps the OTLP exporter so that no exported span carries a secret from a URL. */
function redacting(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => exporter.export(spans.map(redactSpan), done),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

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
  const protocol =
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() || process.env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim() || "http/protobuf";
  const [
    { NodeSDK },
    { resourceFromAttributes },
    { HttpInstrumentation },
    { PgInstrumentation },
    { UndiciInstrumentation },
    { OTLPTraceExporter },
  ] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-pg"),
    import("@opentelemetry/instrumentation-undici"),
    // Both exporters read the OTEL_EXPORTER_OTLP_* endpoint, headers, timeout and compression themselves.
    protocol === "http/json" ? import("@opentelemetry/exporter-trace-otlp-http") : import("@opentelemetry/exporter-trace-otlp-proto"),
  ]);
  const sdk = new NodeSDK({
    // The default name; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, detected at start, win over it.
    resource: resourceFromAttributes({ "service.name": "shipshape" }),
    // Batched as the OTEL_BSP_* variables say, through the redaction above.
    traceExporter: redacting(new OTLPTraceExporter()),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => isUntracedPath(pathOf(req)),
        // One-time OAuth codes, state and tokens never leave in a span's URL.
        redactedQueryParamsServer: SECRET_QUERY_PARAMS,
        redactedQueryParams: SECRET_QUERY_PARAMS,
      }),
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
