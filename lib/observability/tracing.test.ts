import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv, tracingDecision } from "@/lib/env";
import { isUntracedPath, redactQuery, startTracing } from "@/lib/observability/tracing";

// Off by default means not started at all: with no OTEL_* endpoint nothing registers with the OpenTelemetry API
// (no tracer provider, context manager or propagator), so every span is the API's no-op. The same file then starts
// it against a real receiver on loopback, so both checks can fail.

const base = { DATABASE_URL: "postgres://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32), SHIPSHAPE_DEMO_MODE: "true" };
/** What the SDK registered in the API's process-wide registry (the API keeps it on globalThis under this symbol). */
const registered = () => Object.keys((globalThis as Record<symbol, object | undefined>)[Symbol.for("opentelemetry.js.api.1")] ?? {}).sort();
const isRecording = () => trace.getTracer("check").startSpan("probe").isRecording();

const received: string[] = [];
const receiver = createServer((req: IncomingMessage, res) => {
  req.resume();
  req.on("end", () => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("startTracing", () => {
  it("starts nothing and loads no SDK without an OTLP endpoint", async () => {
    const decision = tracingDecision(parseEnv(base));
    expect(decision).toEqual({ enabled: false, reason: "no OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" });
    expect(await startTracing(decision)).toBeNull();
    expect(registered()).not.toContain("trace");
    expect(registered()).not.toContain("context");
    expect(isRecording()).toBe(false);
  });

  it("with an endpoint, starts the SDK and exports spans to it", async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const decision = tracingDecision(parseEnv({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }));
    expect(decision).toEqual({ enabled: true });
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = endpoint;
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = "http/json";
    const tracing = await startTracing(decision);
    expect(tracing).not.toBeNull();
    expect(registered()).toEqual(expect.arrayContaining(["context", "propagation", "trace"]));
    const span = trace.getTracer("check").startSpan("probe");
    expect(span.isRecording()).toBe(true);
    span.end();
    await tracing?.shutdown();
    expect(received).toContain("POST /v1/traces");
  });
});

describe("isUntracedPath", () => {
  it.each([
    ["/livez", true],
    ["/readyz", true],
    ["/metrics", true],
    ["/_next/static/chunks/app.js", true],
    ["/services", false],
    ["/api/v1/services", false],
    ["/_next/data/x.json", false],
  ])("%s → %s", (path, untraced) => {
    expect(isUntracedPath(path)).toBe(untraced);
  });
});

describe("redactQuery", () => {
  it.each([
    ["/services?code=abc&state=xyz&q=pay", "/services?code=REDACTED&state=REDACTED&q=pay"],
    ["/api/auth/callback/oidc?code=s3cret", "/api/auth/callback/oidc?code=REDACTED"],
    ["https://idp.example/cb?id_token=t&x=1", "https://idp.example/cb?id_token=REDACTED&x=1"],
    ["/services?q=code", "/services?q=code"],
    ["/services", "/services"],
  ])("%s → %s", (value, redacted) => {
    expect(redactQuery(value)).toBe(redacted);
  });
});
