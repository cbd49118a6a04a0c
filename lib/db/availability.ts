import { AsyncLocalStorage } from "node:async_hooks";
import { metrics } from "@/lib/observability/metrics";

// Whether the database answered lately: a circuit breaker shared through globalThis. The HTTP server
// reads it to answer 503 at once while Postgres is away (open), the data layer opens it when a query
// fails because the database is unreachable or hung, and the background probe closes it again.
const key = Symbol.for("shipshape.db.availability");

/** The last result of the background probe, which runs on its own connection (never a pool slot). */
export type ProbeResult = {
  ok: boolean;
  checkedAt: number;
  responseTimeMs: number | null;
  pendingMigrations: string[] | null;
  error: string | null;
  /** Why the probe failed: "busy" (e.g. too many connections) still means Postgres is there. */
  failure: DatabaseFailure | null;
};

type Availability = {
  down: boolean;
  since: number;
  lastError: string | null;
  probe: ProbeResult | null;
  onDown: Set<() => void>;
  request: AsyncLocalStorage<RequestOutcome>;
  noted: WeakSet<object>;
};
type Holder = { [key]?: Availability };

function state(): Availability {
  const holder = globalThis as Holder;
  holder[key] ??= {
    down: false,
    since: Date.now(),
    lastError: null,
    probe: null,
    onDown: new Set(),
    request: new AsyncLocalStorage<RequestOutcome>(),
    noted: new WeakSet(),
  };
  return holder[key];
}

/**
 * "down": the database cannot be reached or stopped answering (refused, reset, connect or read
 * timeout) — open the breaker. "busy": it is alive but this process could not get a turn (pool
 * slots all taken, statement timeout, too many connections) — answer 503, but a full pool is not
 * a dead database, so the breaker and readiness stay as they are.
 */
export type DatabaseFailure = "down" | "busy";

const DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // server closed the connection
]);

const BUSY_CODES = new Set([
  "53300", // too_many_connections
  "57014", // query_canceled: statement_timeout fired, so the server is answering
  "P2024", // Prisma: timed out fetching a connection from the pool
]);

// Checked before the "down" messages: pg-pool's wait for a free slot is not a connection failure.
const BUSY_MESSAGES = ["timeout exceeded when trying to connect", "canceling statement due to statement timeout"];

const DOWN_MESSAGES = [
  "Connection terminated", // also "… unexpectedly" and pg-pool's "… due to connection timeout"
  "connection timeout",
  "Query read timeout", // pg's query_timeout: the server took the query and never answered
  "timeout expired", // pg's connectionTimeoutMillis on a single client
  "Can't reach database server",
  "the database system is shutting down",
  "the database system is starting up",
  "Connection refused",
  "ECONNREFUSED",
  "server closed the connection",
];

export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") break;
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    if (BUSY_CODES.has(code) || BUSY_MESSAGES.some((m) => message.includes(m))) return "busy";
    if (DOWN_CODES.has(code) || DOWN_MESSAGES.some((m) => message.includes(m))) return "down";
    if (Array.isArray(e.errors)) {
      const inner = e.errors.map(databaseFailureOf);
      if (inner.includes("down")) return "down";
      if (inner.includes("busy")) return "busy";
    }
    current = e.cause;
  }
  return null;
}

/** The database could not serve this request (down or busy): answer 503, never 500. */
export function isConnectionError(error: unknown): boolean {
  return databaseFailureOf(error) !== null;
}

export function markDatabaseDown(error: unknown): void {
  const s = state();
  s.lastError = error instanceof Error ? error.message : String(error);
  if (s.down) return;
  s.down = true;
  s.since = Date.now();
  for (const listener of s.onDown) listener();
}

export function markDatabaseUp(): void {
  const s = state();
  if (s.down) {
    s.down = false;
    s.since = Date.now();
    s.lastError = null;
  }
}

/**
 * Records a failed database call: opens the breaker when the database is down, and marks the current
 * request as failed for want of the database either way. Returns whether it was such a failure.
 */
export function noteDatabaseFailure(error: unknown): DatabaseFailure | null {
  const failure = databaseFailureOf(error);
  if (!failure) return null;
  if (failure === "down") markDatabaseDown(error);
  // The pool and the Prisma layer both see a failed Prisma query (the latter wrapped): count it once.
  if (!alreadyNoted(error)) metrics().dbErrors.inc({ kind: failure === "down" ? "connection" : "busy" });
  const outcome = state().request.getStore();
  if (outcome) outcome.databaseUnavailable = true;
  return failure;
}

function alreadyNoted(error: unknown): boolean {
  const { noted } = state();
  let seen = false;
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if (noted.has(current)) seen = true;
    noted.add(current);
    current = (current as { cause?: unknown }).cause;
  }
  return seen;
}

/** Called once each time the breaker opens (the pool uses it to cut queries stuck on a hung server). */
export function onDatabaseDown(listener: () => void): () => void {
  const { onDown } = state();
  onDown.add(listener);
  return () => onDown.delete(listener);
}

export function databaseAvailability(): Readonly<Omit<Availability, "onDown" | "request">> {
  return state();
}

export function recordProbe(result: ProbeResult): void {
  state().probe = result;
}

/** What one HTTP request learned about the database while it ran. */
export type RequestOutcome = { databaseUnavailable: boolean };

/** Runs `fn` (a request's handler) so that database failures inside it are noted on `outcome`. */
export function runRecordingOutcome<T>(outcome: RequestOutcome, fn: () => T): T {
  return state().request.run(outcome, fn);
}

export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("The database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}
