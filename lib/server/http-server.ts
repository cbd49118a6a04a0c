import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { databaseAvailability, markDatabaseDown } from "@/lib/db/availability";
import { closeDb } from "@/lib/db/client";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { metrics, routeLabel } from "@/lib/observability/metrics";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/server/client-address";
import { watchDatabase, probeDatabase } from "@/lib/server/database-probe";
import { lifecycle } from "@/lib/lifecycle";
import { refuseHostileRequest } from "@/lib/server/request-guard";
import { isExemptFromDatabaseGate, sendUnavailable } from "@/lib/server/unavailable";

// Shipshape's HTTP front: request ids and access logs, /metrics, a fast 503 while Postgres is away,
// and a graceful shutdown that drains in-flight requests. Next.js renders everything else.

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const LAME_DUCK_MS = 1000;

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined) {
  if (token && req.headers.authorization !== `Bearer ${token}`) {
    res
      .writeHead(401, { "Content-Type": "application/json" })
      .end(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "A bearer token is required for /metrics" } }));
    return;
  }
  const { registry } = metrics();
  res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(await registry.metrics());
}

export type RunningServer = { url: string; close: () => Promise<void> };

export async function startHttpServer(config: Env, options: { dev?: boolean } = {}): Promise<RunningServer> {
  const log = logger();
  const app = next({ dev: options.dev ?? false, hostname: config.HOST, port: config.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const inFlight = new Set<ServerResponse>();
  const running = new Set<Promise<void>>();
  const stopWatching = watchDatabase(config.DATABASE_URL);

  // Know the database's state before the first request instead of learning it from a failure.
  await probeDatabase(config.DATABASE_URL, 1000).catch((error: unknown) => {
    markDatabaseDown(error);
    log.warn({ err: error }, "database not reachable at start; serving 503 until it is");
  });

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    req.headers["x-request-id"] = requestId;
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, config.TRUSTED_PROXY_HOPS);
    res.setHeader("X-Request-Id", requestId);
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    inFlight.add(res);

    // A page that failed because the database went away mid-render is unavailable, not broken.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) =>
      writeHead(status === 500 && databaseAvailability().down ? 503 : status, ...rest)) as typeof res.writeHead;

    res.on("close", () => {
      inFlight.delete(res);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(pathname);
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
      void serveMetrics(req, res, config.METRICS_TOKEN);
      return;
    }
    if (databaseAvailability().down && !isExemptFromDatabaseGate(pathname)) {
      sendUnavailable(req, res, pathname);
      return;
    }
    // Tracked until the handler settles, not until the socket closes: a client that hangs up must not
    // let shutdown close the database under a request that is still running.
    const work: Promise<void> = handle(req, res)
      .catch((error: unknown) => {
        log.error({ err: error, requestId }, "unhandled request error");
        if (!res.headersSent) sendUnavailable(req, res, pathname);
      })
      .finally(() => running.delete(work));
    running.add(work);
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
      stopWatching();
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
      await app.close().catch(() => undefined);
      await closeDb().catch(() => undefined);
      log.info("shutdown complete");
    })();
    return closing;
  };
  return { url, close };
}
