// Process-wide lifecycle flags, shared through globalThis between the HTTP server and route handlers.
const key = Symbol.for("shipshape.lifecycle");
type Lifecycle = { startedAt: number; shuttingDown: boolean };
type Holder = { [key]?: Lifecycle };

export function lifecycle(): Lifecycle {
  const holder = globalThis as Holder;
  holder[key] ??= { startedAt: Date.now(), shuttingDown: false };
  return holder[key];
}
