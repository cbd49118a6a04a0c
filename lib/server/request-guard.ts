import type { IncomingMessage, ServerResponse } from "node:http";
import { wantsJson } from "@/lib/server/unavailable";

// Requests refused at the HTTP front, before Next.js sees them, because Next (or Postgres behind it) would
// otherwise turn them into a 500: a path whose percent-encoding does not decode (Next fails while matching
// dynamic segments), NUL characters in the path or query (Postgres refuses them in text), and a server
// action posted from a foreign origin (Next aborts it as a CSRF attempt, but with a 500).

export type RequestProblem = { status: 400 | 403; code: "BAD_REQUEST" | "FORBIDDEN"; title: string; message: string };

const NUL = "\u0000";

function badRequest(message: string): RequestProblem {
  return { status: 400, code: "BAD_REQUEST", title: "Bad request", message };
}

/** What is wrong with a request target (`/path?query` as sent), or null when Shipshape can route it. */
export function requestTargetProblem(target: string): RequestProblem | null {
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return badRequest("The address has broken percent-encoding (such as %ff or a cut-off %E0%A4%A).");
  }
  if (decodedPath.includes(NUL)) return badRequest("The address contains a NUL character (%00).");
  if (queryAt !== -1) {
    for (const [key, value] of new URLSearchParams(target.slice(queryAt + 1))) {
      if (key.includes(NUL) || value.includes(NUL)) return badRequest("The query string contains a NUL character (%00).");
    }
  }
  return null;
}

/** Next's own rule for a server action's origin: it must name the host the request was sent to. */
function hostOf(req: IncomingMessage): string | undefined {
  const forwarded = req.headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || req.headers.host;
  return host?.toLowerCase();
}

function isPossibleServerAction(req: IncomingMessage, pathname: string): boolean {
  if (req.method !== "POST" || pathname.startsWith("/api/")) return false;
  const type = req.headers["content-type"] ?? "";
  return req.headers["next-action"] !== undefined || type.startsWith("multipart/form-data") || type === "application/x-www-form-urlencoded";
}

/** A server action sent from another origin, which Next refuses: a 403 instead of Next's 500. */
export function crossOriginActionProblem(req: IncomingMessage, pathname: string): RequestProblem | null {
  const origin = req.headers.origin;
  // No Origin at all is a hand-made request, not a browser on another site; Next lets it through.
  if (origin === undefined || !isPossibleServerAction(req, pathname)) return null;
  let originHost: string | null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== null && originHost === hostOf(req)) return null;
  return {
    status: 403,
    code: "FORBIDDEN",
    title: "Request refused",
    message: "This form was sent from another site, so Shipshape refused it. Open Shipshape itself and try again.",
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function send(req: IncomingMessage, res: ServerResponse, pathname: string, problem: RequestProblem): void {
  res.statusCode = problem.status;
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Content-Type-Options", "nosniff");
  if (wantsJson(req, pathname)) {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: { code: problem.code, message: problem.message } }));
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${problem.title} · Shipshape</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}</style></head>
<body><main><h1>${problem.title}</h1><p>${escapeHtml(problem.message)}</p><p><a href="/">Go to Shipshape</a></p></main></body></html>`);
}

/** Answers a request Shipshape cannot serve safely; true when it did, and the caller must stop there. */
export function refuseHostileRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const target = req.url ?? "/";
  const pathname = target.split("?")[0] ?? "/";
  const problem = requestTargetProblem(target) ?? crossOriginActionProblem(req, pathname);
  if (!problem) return false;
  send(req, res, pathname, problem);
  return true;
}
