import { timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";

// Who may read /metrics. Metrics describe the deployment (routes, error rates, memory), so a production
// server never serves them to anyone who asks: it needs METRICS_TOKEN, or METRICS_PORT to serve them on
// a listener of their own (loopback by default), kept away from the public port.

export type MetricsAccess =
  | { mode: "open" }
  | { mode: "token"; token: string }
  | { mode: "separate"; host: string; port: number; token: string | undefined }
  | { mode: "refused" };

type MetricsConfig = Pick<Env, "NODE_ENV" | "SHIPSHAPE_DEMO_MODE" | "METRICS_TOKEN" | "METRICS_HOST" | "METRICS_PORT">;

export function metricsAccess(config: MetricsConfig): MetricsAccess {
  if (config.METRICS_PORT) return { mode: "separate", host: config.METRICS_HOST, port: config.METRICS_PORT, token: config.METRICS_TOKEN };
  if (config.METRICS_TOKEN) return { mode: "token", token: config.METRICS_TOKEN };
  return config.NODE_ENV === "production" && !config.SHIPSHAPE_DEMO_MODE ? { mode: "refused" } : { mode: "open" };
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res
    .writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" })
    .end(JSON.stringify({ error: { code, message } }));
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function sendMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined) {
  if (token && !hasToken(req, token)) {
    sendError(res, 401, "UNAUTHENTICATED", "A bearer token is required for /metrics");
    return;
  }
  const { registry } = metrics();
  res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(await registry.metrics());
}

/** /metrics on the application's own port. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, access: MetricsAccess): Promise<void> {
  if (access.mode === "separate") {
    sendError(res, 404, "NOT_FOUND", "Metrics are served on their own listener (METRICS_PORT)");
  } else if (access.mode === "refused") {
    sendError(res, 403, "FORBIDDEN", "Metrics are off: set METRICS_TOKEN or METRICS_PORT to serve them");
  } else {
    await sendMetrics(req, res, access.mode === "token" ? access.token : undefined);
  }
}

/** The separate metrics listener, when METRICS_PORT asks for one; resolves with its closer. */
export async function startMetricsListener(access: MetricsAccess): Promise<(() => Promise<void>) | undefined> {
  if (access.mode !== "separate") return undefined;
  const server = http.createServer((req, res) => {
    if ((req.url ?? "/").split("?")[0] !== "/metrics") sendError(res, 404, "NOT_FOUND", "Only /metrics is served here");
    else void sendMetrics(req, res, access.token);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(access.port, access.host, () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
