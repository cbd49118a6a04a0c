import type { IncomingMessage, ServerResponse } from "node:http";

// Paths that answer for themselves while the database is away (probes, metrics, static files).
const EXEMPT_PREFIXES = ["/livez", "/readyz", "/healthz", "/metrics", "/_next/static", "/favicon", "/robots.txt"];

export function isExemptFromDatabaseGate(pathname: string): boolean {
  return EXEMPT_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`) || pathname.startsWith(`${p}.`));
}

export type UnavailableReason = "database" | "overloaded";

const RETRY_AFTER_SECONDS: Record<UnavailableReason, number> = { database: 5, overloaded: 2 };
const MESSAGES: Record<UnavailableReason, { api: string; page: string }> = {
  database: {
    api: "The database cannot be reached. Try again in a few seconds.",
    page: "The database cannot be reached right now. Nothing you saved is lost.",
  },
  overloaded: {
    api: "Shipshape is busy right now. Try again in a few seconds.",
    page: "Shipshape is handling more requests than it can right now. Nothing you saved is lost.",
  },
};

export function wantsJson(req: IncomingMessage, pathname: string): boolean {
  return pathname.startsWith("/api/") || !(req.headers.accept ?? "").includes("text/html");
}

export function sendUnavailable(req: IncomingMessage, res: ServerResponse, pathname: string, reason: UnavailableReason = "database"): void {
  const retryAfter = RETRY_AFTER_SECONDS[reason];
  res.statusCode = 503;
  res.setHeader("Retry-After", String(retryAfter));
  res.setHeader("Cache-Control", "no-store");
  if (wantsJson(req, pathname)) {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: MESSAGES[reason].api, reason } }));
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${retryAfter}">
<title>Temporarily unavailable · Shipshape</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}</style></head>
<body><main><h1>Shipshape is temporarily unavailable</h1>
<p>${MESSAGES[reason].page} This page tries again every ${retryAfter} seconds.</p></main></body></html>`);
}
