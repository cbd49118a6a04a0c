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

/** The path (`title`, `items.0`) of a string in a JSON value that holds a NUL character, which Postgres refuses. */
function nulPath(body: unknown): string[] | null {
  // Iterative: a deeply nested body must not overflow the stack.
  const pending: [unknown, string[]][] = [[body, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path;
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes("\u0000")) return [...path, key];
        pending.push([item, [...path, key]]);
      }
    }
  }
  return null;
}

/** Reads a JSON body; a malformed one is a 400, text with a NUL character a 422, never a 500. */
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
  const path = nulPath(body);
  if (path) {
    throw new AppError("VALIDATION", "The request has invalid fields", {
      fieldErrors: { [path.length ? path.join(".") : "_"]: ["Remove the NUL character (\\u0000)"] },
    });
  }
  return body;
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return json(status, body, headers);
}
