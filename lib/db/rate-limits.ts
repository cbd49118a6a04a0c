import type { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db/client";
import { limitSettings } from "@/lib/env";

// Fixed-window counters in Postgres (the rate_limits table of migration 0003), so every replica counts
// against the same numbers. rate-limiter-flexible does the atomic upsert; this file only adapts its promise
// style (a rejection carries either a RateLimiterRes or a database error) to plain results.

export type LimitRule = {
  /** Keeps the counters of different rules apart in the one table. */
  name: string;
  /** How many points one key may spend per window. */
  points: number;
  windowSeconds: number;
};

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type Limiter = {
  /** Spends one point for `key`; refused once the window's points are spent. */
  consume(key: string): Promise<LimitResult>;
  /** Gives one point back, e.g. after an attempt that turned out not to count (a correct password). */
  refund(key: string): Promise<void>;
};

function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

export function createLimiter(pool: Pool, rule: LimitRule): Limiter {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    // The table belongs to the migrations; the runtime role may not create tables.
    tableCreated: true,
    // Expired counters are deleted by the prune-rate-limits job, once per interval for all replicas, instead of a
    // timer in every process.
    clearExpiredByTimeout: false,
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.windowSeconds,
    // Once a key is over its limit, this process refuses it from memory until the window ends, so a flood
    // against one key costs no database round trips.
    inMemoryBlockOnConsumed: rule.points + 1,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfterSeconds(rejection) };
        throw rejection;
      }
    },
    async refund(key) {
      await limiter.reward(key, 1);
    },
  };
}

export type AppLimiters = {
  /** Failed sign-ins per account (keyed by a hash of the email, so the table holds no addresses). */
  signInAccount: Limiter;
  /** Failed sign-ins per client address. */
  signInAddress: Limiter;
  /** Requests per personal API token. */
  apiToken: Limiter;
};

export type AppLimits = { signInPerAccount: number; signInPerAddress: number; apiPerToken: number };

/** The limiters of one app instance; tests build several over separate pools to stand in for replicas. */
export function createAppLimiters(storePool: Pool, limits: AppLimits): AppLimiters {
  return {
    signInAccount: createLimiter(storePool, { name: "signin-account", points: limits.signInPerAccount, windowSeconds: 60 }),
    signInAddress: createLimiter(storePool, { name: "signin-address", points: limits.signInPerAddress, windowSeconds: 60 }),
    apiToken: createLimiter(storePool, { name: "api-token", points: limits.apiPerToken, windowSeconds: 60 }),
  };
}

const holderKey = Symbol.for("shipshape.rate-limiters");
type Holder = { [holderKey]?: AppLimiters };

export function appLimiters(): AppLimiters {
  const holder = globalThis as Holder;
  if (!holder[holderKey]) {
    const e = limitSettings();
    holder[holderKey] = createAppLimiters(pool(), {
      signInPerAccount: e.SIGNIN_LIMIT_PER_ACCOUNT,
      signInPerAddress: e.SIGNIN_LIMIT_PER_ADDRESS,
      apiPerToken: e.API_LIMIT_PER_TOKEN,
    });
  }
  return holder[holderKey];
}

/**
 * Deletes counters whose window ended more than `graceSeconds` ago (the table keeps `expire` in epoch milliseconds).
 * A counter still in its window is never touched, so no limit is reset early.
 */
export async function deleteExpiredRateLimits(graceSeconds: number, storePool: Pool = pool()): Promise<number> {
  const { rowCount } = await storePool.query("DELETE FROM rate_limits WHERE expire < $1", [Date.now() - graceSeconds * 1000]);
  return rowCount ?? 0;
}
