import { z } from "zod";
import type { Viewer } from "@/lib/auth/permissions";
import { requireApiViewer } from "@/lib/auth/viewer";
import { isConnectionError } from "@/lib/db/availability";
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
    return apiError(appError.status, appError.code, appError.message, {
      ...details,
      ...(fieldErrors ? { fields: fieldErrors } : {}),
    });
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

/** Wraps a route handler: the viewer is authenticated (session or API token) before `fn` runs. */
export function apiRoute<P = Record<string, never>>(
  fn: (request: Request, ctx: ApiContext<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const requestId = request.headers.get("x-request-id");
    try {
      const viewer = await requireApiViewer(request);
      const params = context?.params ? await context.params : ({} as P);
      return await fn(request, { viewer, params, requestId });
    } catch (error) {
      return toApiResponse(error, requestId);
    }
  };
}

/** Reads a JSON body; a malformed one is a 400, not a 500. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError("BAD_REQUEST", "Send a JSON body with Content-Type: application/json");
  try {
    return await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return json(status, body, headers);
}
