import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isConnectionError } from "@/lib/db/availability";
import { fromPrismaError, isAppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

// What every server action returns, so forms can show a message and per-field errors instead of an error page.

export type ActionFailure = {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** The AppError code when there was one, so a form can offer the right next step (sign in, reload, …). */
  code?: ErrorCode;
  /** AppError details that are safe to show, e.g. { reason: "STALE_VERSION" }. */
  reason?: string;
};

export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export function actionOk(): ActionResult;
export function actionOk<T>(data: T): ActionResult<T>;
export function actionOk<T>(data?: T): ActionResult<T | undefined> {
  return { ok: true, data };
}

const VALIDATION_MESSAGE = "Some fields need attention. Fix them and try again.";

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** Field errors put on an AppError by lib/db (`details.fieldErrors`), when they have the right shape. */
function fieldErrorsFrom(details: Record<string, unknown> | undefined): Record<string, string[]> | undefined {
  const candidate = details?.fieldErrors;
  if (!candidate || typeof candidate !== "object") return undefined;
  const entries = Object.entries(candidate).filter((entry): entry is [string, string[]] => isStringArray(entry[1]));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Zod issues keyed by their top-level field; issues about the whole form go to the message. */
export function zodFailure(error: z.ZodError): ActionFailure {
  const flat = z.flattenError(error);
  const fieldErrors = Object.fromEntries(
    Object.entries(flat.fieldErrors).filter((entry): entry is [string, string[]] => isStringArray(entry[1])),
  );
  const message = flat.formErrors.length > 0 ? flat.formErrors.join(" ") : VALIDATION_MESSAGE;
  return { ok: false, code: "VALIDATION", message, fieldErrors };
}

/** Next's control-flow throws (redirect, notFound, dynamic rendering bail-outs): not failures of an action. */
export function isNavigationSignal(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

/**
 * Turns anything an action caught into a failure result. Next's own control-flow errors (redirect, notFound)
 * are re-thrown, so calling this inside a catch never swallows a navigation.
 */
export function toActionError(error: unknown): ActionFailure {
  unstable_rethrow(error);
  if (error instanceof z.ZodError) return zodFailure(error);
  const appError = isAppError(error) ? error : fromPrismaError(error);
  if (appError) {
    const reason = appError.details?.reason;
    const fieldErrors = fieldErrorsFrom(appError.details);
    return {
      ok: false,
      code: appError.code,
      message: appError.message,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(typeof reason === "string" ? { reason } : {}),
    };
  }
  if (isConnectionError(error)) {
    return {
      ok: false,
      code: "SERVICE_UNAVAILABLE",
      message: "The database is not answering right now. Nothing was saved; try again in a moment.",
    };
  }
  // Unexpected: log it for the operator, but keep the person's form (and what they typed) on screen.
  logger().error({ err: error }, "server action failed");
  return { ok: false, message: "Something went wrong and nothing was saved. Try again; if it keeps happening, tell an admin." };
}

/** A failure plus, after a CONFLICT, the record as it is now (AppError `details.current`), so the form can offer it. */
export type FailureWithCurrent<T> = ActionFailure & { current?: T | null };

export function withCurrent<T>(failure: ActionFailure, { error }: { error: unknown }): FailureWithCurrent<T> {
  if (isAppError(error) && error.code === "CONFLICT" && error.details && "current" in error.details) {
    return { ...failure, current: (error.details.current as T | null) ?? null };
  }
  return failure;
}
