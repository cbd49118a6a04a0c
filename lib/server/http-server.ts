import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { trace } from "@opentelemetry/api";
import next from "next";
import { databaseAvailability, runRecordingOutcome, type RequestOutcome } from "@/lib/db/availability";
import { closeDb } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { startJobEngineInBackground } from "@/lib/jobs/process-engine";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { createAdmission } from "@/lib/server/admission";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/server/client-address";
import { watchDatabase } from "@/lib/server/database-probe";
import { lifecycle } from "@/lib/lifecycle";
import { metricsAccess, serveMetrics, startMetricsListener } from "@/lib/server/metrics-endpoint";
import { refuseHostileRequest } from "@/lib/server/request-guard";
import { createRouteLabeler, readRouteTemplates } from "@/lib/server/route-templates";
import { isExemptFromDatabaseGate, sendUnavailable } from "@/lib/server/unavailable";

// Shipshape's HTTP front: request ids and access logs, /metrics, bounded concurrency (a fast 503 when
// overloaded), a fast 503 while Postgres is away, and a graceful shutdown that drains in-flight
// requests. Next.js renders everything else.

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const LAME_DUCK_MS = 1000;

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

export type RunningServer = { url: string; close: () => Promise<void> };

export async function startHttpServer(config: Env, options: { dev?: boolean } = {}): Promise<RunningServer> {
  const log = logger();
  const app = next({ dev: options.dev ?? false, hostname: config.HOST, port: config.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const inFlight = new Set<ServerResponse>();
  const running = new Set<Promise<void>>();
  const watcher = watchDatabase(config.DATABASE_URL);
  // Know the database's state before the first request instead of learning it from a failure.
  await watcher.ready;
  if (databaseAvailability().probe?.responseTimeMs === null) {
    log.warn({ error: databaseAvailability().probe?.error }, "database not reachable at start; serving 503 until it is");
  }
  // Background and scheduled jobs run here too unless JOBS_MODE=off; even then this process may enqueue them.
  const jobs = startJobEngineInBackground({
    databaseUrl: config.DATABASE_URL,
    work: config.JOBS_MODE === "in-process",
    scheduleOverrides: config.JOBS_SCHEDULES,
    instanceName: "server",
  });
  const access = metricsAccess(config);
  if (access.mode === "refused") log.warn("/metrics is off: set METRICS_TOKEN or METRICS_PORT to serve it in production");
  const closeMetrics = await startMetricsListener(access);
  const labelRoute = createRouteLabeler([...readRouteTemplates(), "/metrics"]);
  const admission = createAdmission({
    maxConcurrent: config.HTTP_MAX_CONCURRENCY,
    maxQueued: config.HTTP_MAX_QUEUE,
    maxWaitMs: config.HTTP_QUEUE_TIMEOUT_MS,
  });
  metrics().httpMaxConcurrency.set(config.HTTP_MAX_CONCURRENCY);
  metrics().httpMaxQueue.set(config.HTTP_MAX_QUEUE);

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    req.headers["x-request-id"] = requestId;
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, config.TRUSTED_PROXY_HOPS);
    res.setHeader("X-Request-Id", requestId);
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = labelRoute(pathname);
    // The request's server span (when tracing is on) is named by route template, as its metrics are.
    const span = trace.getActiveSpan();
    span?.updateName(`${req.method ?? "GET"} ${route}`);
    span?.setAttributes({ "http.route": route, "shipshape.request_id": requestId });
    inFlight.add(res);
    const outcome: RequestOutcome = { databaseUnavailable: false };

    // A page that failed because the database went away or had no free connection mid-render is
    // unavailable, not broken.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const down = databaseAvailability().down;
      if (status !== 500 || !(outcome.databaseUnavailable || down)) return writeHead(status, ...rest);
      res.setHeader("Retry-After", down ? "5" : "2");
      return writeHead(503, ...rest);
    }) as typeof res.writeHead;

    res.on("close", () => {
      inFlight.delete(res);
      metrics().httpRunning.set(admission.running);
      metrics().httpQueued.set(admission.queued);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics().httpDuration.observe({ method: req.method ?? "GET", route, status: String(res.statusCode) }, seconds);
      if (!pathname.startsWith("/_next/static")) {
        log[res.statusCode >= 500 ? "error" : "info"](
          { requestId, method: req.method, path: pathname, status: res.statusCode, ms: Math.round(seconds * 1000) },
          "request",
        );
      }
    });

    if (lifecycle().shuttingDown) res.setHeader("Connection", "close");
    if (refuseHostileRequest(req, res)) return;
    if (pathname === "/metrics") {
      void serveMetrics(req, res, access);
      return;
    }
    const exempt = isExemptFromDatabaseGate(pathname);
    if (databaseAvailability().down && !exempt) {
      metrics().httpRefused.inc({ reason: "database" });
      sendUnavailable(req, res, pathname);
      return;
    }
    // Tracked until the handler settles, not until the socket closes: a client that hangs up must not
    // let shutdown close the database under a request that is still running.
    const run = (release?: () => void) => {
      const work: Promise<void> = runRecordingOutcome(outcome, () => handle(req, res))
        .catch((error: unknown) => {
          log.error({ err: error, requestId }, "unhandled request error");
          if (!res.headersSent) sendUnavailable(req, res, pathname);
        })
        .finally(() => {
          running.delete(work);
          release?.();
        });
      running.add(work);
    };
    // Probes, metrics and static files never wait behind pages: readiness must answer under load.
    if (exempt) {
      run();
      return;
    }
    const cancel = admission.request(run, (refusal) => {
      metrics().httpRefused.inc({ reason: refusal === "queue full" ? "overloaded" : "queue_timeout" });
      sendUnavailable(req, res, pathname, "overloaded");
    });
    res.once("close", cancel);
    metrics().httpRunning.set(admission.running);
    metrics().httpQueued.set(admission.queued);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`;
  log.info({ url }, "shipshape listening");

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      lifecycle().shuttingDown = true;
      log.info({ inFlight: inFlight.size }, "shutting down: draining in-flight requests");
      watcher.stop();
      // Running jobs finish alongside running requests, within the same deadline.
      const jobsStopped = jobs
        .stop(config.SHUTDOWN_TIMEOUT_MS)
        .catch((error: unknown) => log.warn({ err: error }, "job engine stop failed"));
      const deadline = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), config.SHUTDOWN_TIMEOUT_MS).unref());
      // Lame duck first: readiness already says 503 and every response says Connection: close, but the socket
      // keeps listening briefly. server.close() drops connections that have no parsed request yet, which would
      // cut off clients whose request is still on the wire when the signal arrives.
      await new Promise((resolve) => setTimeout(resolve, Math.min(LAME_DUCK_MS, config.SHUTDOWN_TIMEOUT_MS / 2)));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = Promise.all([closed, Promise.allSettled([...running])]).then(() => "drained" as const);
      if ((await Promise.race([drained, deadline])) === "timeout") {
        log.warn({ inFlight: inFlight.size, running: running.size }, "shutdown deadline reached; closing remaining connections");
        server.closeAllConnections();
      }
      await closeMetrics?.().catch(() => undefined);
      await app.close().catch(() => undefined);
      await jobsStopped;
      await closeDb().catch(() => undefined);
      log.info("shutdown complete");
    })();
    return closing;
  };
  return { url, close };
}
