import { z } from "zod";
import type { Viewer } from "@/lib/auth/permissions";
import { requireApiViewer } from "@/lib/session/viewer";
import { isConnectionError } from "@/lib/db/availability";
import { env } from "@/lib/env";
import { fromPrismaError, isAppError, AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

// The one shape of every /api/v1 handler: authenticate → parse → call lib/db → map errors.
// Expected failures become 4xx JSON with a code and, for validation, the fields; nothing leaks a stack trace.

export type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]>; [key: string]: unknown };
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { error: { code, message, ...extra } } satisfies ApiErrorBody);
}

function zodFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function toApiResponse(error: unknown, requestId: string | null): Response {
  if (error instanceof z.ZodError) {
    return apiError(422, "VALIDATION", "The request has invalid fields", { fields: zodFields(error) });
  }
  const appError = isAppError(error) ? error : fromPrismaError(error);
  if (appError) {
    const { fieldErrors, ...details } = appError.details ?? {};
    const response = apiError(appError.status, appError.code, appError.message, {
      ...details,
      ...(fieldErrors ? { fields: fieldErrors } : {}),
    });
    if (typeof details.retryAfterSeconds === "number") response.headers.set("Retry-After", String(details.retryAfterSeconds));
    return response;
  }
  if (isConnectionError(error)) {
    return json(
      503,
      { error: { code: "SERVICE_UNAVAILABLE", message: "The database cannot be reached. Try again shortly." } },
      { "Retry-After": "5" },
    );
  }
  logger().error({ err: error, requestId }, "unhandled API error");
  return apiError(500, "INTERNAL", `Something went wrong. Quote request id ${requestId ?? "unknown"} when reporting it.`);
}

export type ApiContext<P> = { viewer: Viewer; params: P; requestId: string | null };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/**
 * A write that would ride on the browser's session cookie must come from a Shipshape page: another origin of the
 * same site (another port or subdomain) gets the cookie too, and `no-cors` requests need no preflight. Bearer-token
 * calls carry their own credential, which a foreign page cannot set without a preflight, so they are exempt.
 */
export function assertSameOriginWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const isSameOrigin =
    fetchSite !== null
      ? fetchSite === "same-origin"
      : origin !== null && origin !== "null" && (origin === originOf(request.url) || origin === originOf(env().NEXTAUTH_URL));
  if (!isSameOrigin) {
    throw new AppError(
      "FORBIDDEN",
      "Cross-origin writes with the browser session are refused: send them from Shipshape itself, or use an API token",
    );
  }
}

/** Wraps a route handler: the viewer is authenticated (session or API token) before `fn` runs. */
export function apiRoute<P = Record<string, never>>(
  fn: (request: Request, ctx: ApiContext<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const requestId = request.headers.get("x-request-id");
    try {
      assertSameOriginWrite(request);
      const viewer = await requireApiViewer(request);
      const params = context?.params ? await context.params : ({} as P);
      return await fn(request, { viewer, params, requestId });
    } catch (error) {
      return toApiResponse(error, requestId);
    }
  };
}

// Exactly JSON, optionally with a charset: `text/plain;x=application/json` is what a foreign page can send
// without a preflight, so merely containing the words is not enough.
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?[\w-]+"?\s*)?$/i;

// No request body of the API nests anywhere near this deep; a deeper one is refused before anything walks it.
const MAX_JSON_DEPTH = 64;

type JsonNode = { value: unknown; key: string; parent: JsonNode | null; depth: number };

function pathOf(node: JsonNode | null): string[] {
  const path: string[] = [];
  for (let at = node; at?.parent; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * Finds what Postgres would refuse or what no schema expects: the path (`title`, `items.0`) of a string or key holding a
 * NUL character, or nesting deeper than MAX_JSON_DEPTH. Iterative with parent links, so a hostile body costs time in
 * proportion to its size (no stack overflow, no path copied per level).
 */
function hostileJson(body: unknown): { path: string[]; message: string } | null {
  const pending: JsonNode[] = [{ value: body, key: "", parent: null, depth: 0 }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value } = node;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { path: pathOf(node), message: "Remove the NUL character (\\u0000)" };
    } else if (value !== null && typeof value === "object") {
      if (node.depth >= MAX_JSON_DEPTH) return { path: pathOf(node), message: `Nest JSON at most ${MAX_JSON_DEPTH} levels deep` };
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key, parent: node, depth: node.depth + 1 };
        if (key.includes("\u0000")) return { path: pathOf(child), message: "Remove the NUL character (\\u0000)" };
        pending.push(child);
      }
    }
  }
  return null;
}

/** Reads a JSON body; a malformed one is a 400, text with a NUL character or absurd nesting a 422, never a 500. */
export async function readJson(request: Request): Promise<unknown> {
  if (!JSON_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("BAD_REQUEST", "Send a JSON body with Content-Type: application/json");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  const hostile = hostileJson(body);
  if (hostile) {
    throw new AppError("VALIDATION", "The request has invalid fields", {
      fieldErrors: { [hostile.path.length ? hostile.path.join(".") : "_"]: [hostile.message] },
    });
  }
  return body;
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return json(status, body, headers);
}
