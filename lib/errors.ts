// One error type for expected failures; route handlers and actions turn it into a 4xx, never a 500.
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  VALIDATION: 422,
  BAD_REQUEST: 400,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

type PrismaLikeError = {
  code?: unknown;
  meta?: { target?: unknown; modelName?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
};

// Postgres refuses NUL in text (22021) and \u0000 in jsonb (22P05): text that reached the database with one
// slipped past the input checks, and is still the sender's to fix.
const NUL_SQLSTATES = new Set(["22021", "22P05"]);

/** Maps known Prisma errors to AppError; returns undefined for anything else. */
export function fromPrismaError(error: unknown): AppError | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as PrismaLikeError;
  if (e.code === "P2002") {
    const target = Array.isArray(e.meta?.target) ? e.meta.target.join(", ") : String(e.meta?.target ?? "value");
    return new AppError("CONFLICT", `That ${target} is already taken`, { target });
  }
  if (e.code === "P2025") return new AppError("NOT_FOUND", "Not found");
  if (e.code === "P2003") return new AppError("BAD_REQUEST", "A referenced record does not exist");
  if (NUL_SQLSTATES.has(String(e.meta?.driverAdapterError?.cause?.originalCode))) {
    return new AppError("BAD_REQUEST", "Text may not contain NUL characters (\\u0000)");
  }
  return undefined;
}
