// Whether the database answered lately. Shared through globalThis: the HTTP server reads it to
// answer 503 at once while Postgres is away, and the data layer writes it when a query fails.
const key = Symbol.for("shipshape.db.availability");

type Availability = { down: boolean; since: number; lastError: string | null };
type Holder = { [key]?: Availability };

function state(): Availability {
  const holder = globalThis as Holder;
  holder[key] ??= { down: false, since: Date.now(), lastError: null };
  return holder[key];
}

const CONNECTION_ERROR_CODES = new Set([
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
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
]);

const CONNECTION_ERROR_MESSAGES = [
  "Connection terminated",
  "connection timeout",
  "timeout exceeded when trying to connect",
  "Can't reach database server",
  "the database system is shutting down",
  "the database system is starting up",
  "Connection refused",
  "ECONNREFUSED",
  "server closed the connection",
];

export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") break;
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === "string" && CONNECTION_ERROR_CODES.has(e.code)) return true;
    if (typeof e.message === "string" && CONNECTION_ERROR_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
    if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true;
    current = e.cause;
  }
  return false;
}

export function markDatabaseDown(error: unknown): void {
  const s = state();
  if (!s.down) {
    s.down = true;
    s.since = Date.now();
  }
  s.lastError = error instanceof Error ? error.message : String(error);
}

export function markDatabaseUp(): void {
  const s = state();
  if (s.down) {
    s.down = false;
    s.since = Date.now();
    s.lastError = null;
  }
}

export function databaseAvailability(): Readonly<Availability> {
  return state();
}

export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("The database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}
