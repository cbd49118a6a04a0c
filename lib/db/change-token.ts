import { cache } from "react";
import { db, type Tx } from "@/lib/db/client";

/**
 * A cheap fingerprint of everything portfolio figures are computed from: the newest decision and the
 * services' last change and count. Decisions only ever happen "now", so when this is unchanged every
 * aggregate over decided reviews is unchanged too. Three index or small-table reads, well under 5 ms at 10k services,
 * taken once per request however many widgets ask.
 */
export const portfolioChangeToken = cache(async (): Promise<string> => {
  const rows = await db().$queryRaw<{ decided: Date | null; updated: Date | null; services: number }[]>`
    SELECT
      (SELECT max(decided_at) FROM reviews WHERE status = 'DECIDED') AS decided,
      (SELECT max(updated_at) FROM services) AS updated,
      (SELECT count(*)::int FROM services) AS services`;
  const row = rows[0];
  return [row?.decided?.getTime() ?? 0, row?.updated?.getTime() ?? 0, row?.services ?? 0].join(":");
});

// Distinct from the migrations' lock (7_340_001).
const CHANGE_LOCK_ID = 7_340_002;

/**
 * The time to record a change to what the token reads (a decision, a service edit) at: the database's clock, so
 * replicas whose clocks disagree still stamp in the order things happened, taken under a transaction-scoped lock
 * so the stamps are also in commit order. Without the lock, a change that commits after a later-stamped one leaves
 * the newest time, and with it the token, where it was, and every replica keeps serving the figures from before it.
 * Decisions and service edits are rare, so queueing them behind each other costs nothing noticeable.
 */
export async function changeTime(tx: Pick<Tx, "$executeRaw" | "$queryRaw">): Promise<Date> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHANGE_LOCK_ID}::bigint)`;
  const rows = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const now = rows[0]?.now;
  if (!now) throw new Error("clock_timestamp() returned no row");
  return now;
}

type Entry = { token: string; expires: number; value: Promise<unknown> };
const key = Symbol.for("shipshape.portfolio-cache");
type Holder = { [key]?: Map<string, Entry> };

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 500;

/**
 * Memoizes an expensive aggregate until the data it reads changes (`token`) or five minutes pass.
 * Concurrent callers share one computation; a failed computation is not kept.
 */
export function cachedUntilChange<T>(cacheKey: string, token: string, compute: () => Promise<T>): Promise<T> {
  const holder = globalThis as Holder;
  const cache = (holder[key] ??= new Map());
  const now = Date.now();
  const hit = cache.get(cacheKey);
  if (hit && hit.token === token && hit.expires > now) return hit.value as Promise<T>;
  if (cache.size >= MAX_ENTRIES) {
    for (const [k, entry] of cache) if (entry.expires <= now || cache.size >= MAX_ENTRIES) cache.delete(k);
  }
  const value = compute();
  cache.set(cacheKey, { token, expires: now + TTL_MS, value });
  value.catch(() => cache.delete(cacheKey));
  return value;
}
