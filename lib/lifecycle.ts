// Process-wide lifecycle flags, shared through globalThis between the HTTP server, the database pool and route
// handlers. It lives outside lib/server and lib/db so both can read it without either depending on the other.
const key = Symbol.for("shipshape.lifecycle");
type Lifecycle = { startedAt: number; shuttingDown: boolean };
type Holder = { [key]?: Lifecycle };

export function lifecycle(): Lifecycle {
  const holder = globalThis as Holder;
  holder[key] ??= { startedAt: Date.now(), shuttingDown: false };
  return holder[key];
}
