import { AsyncLocalStorage } from "node:async_hooks";
import type { SessionEnd } from "@/lib/auth/session-policy";

// next-auth's session endpoint renews the cookie of any token it can decrypt. The route handler checks the
// token against the database first and leaves the verdict here for the JWT callback, which then refuses to
// renew an ended session. (Its callbacks cannot reach the database safely: next-auth swallows their errors
// and clears the cookie, which would sign everyone out during a database blip.)

const store = new AsyncLocalStorage<{ ended: SessionEnd | null }>();

export function withSessionVerdict<T>(ended: SessionEnd | null, fn: () => Promise<T>): Promise<T> {
  return store.run({ ended }, fn);
}

/** The route handler's verdict for this request; undefined outside the session endpoint. */
export function sessionVerdict(): SessionEnd | null | undefined {
  return store.getStore()?.ended;
}
