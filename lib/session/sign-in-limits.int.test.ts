import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { beginSignIn, signInSucceeded } from "@/lib/session/sign-in-limits";
import { createAppLimiters } from "@/lib/db/rate-limits";

// Two app instances, each with its own connection pool and limiters, count against the same rows in Postgres:
// a replica behind the load balancer cannot be used to get ten more guesses.

const pools = [1, 2].map(() => new Pool({ connectionString: process.env.DATABASE_URL, max: 2 }));
afterAll(() => Promise.all(pools.map((p) => p.end())));

const limits = { signInPerAccount: 10, signInPerAddress: 30, apiPerToken: 600 };
const [first, second] = pools.map((p) => createAppLimiters(p, limits));
const unique = () => randomUUID().slice(0, 8);

describe("sign-in limits", () => {
  it("refuses the 11th wrong password within a minute, even on another instance", async () => {
    const attempt = { email: `victim-${unique()}@example.com`, address: `192.0.2.${unique()}` };
    for (let i = 0; i < 10; i++) expect(await beginSignIn(first!, attempt), `attempt ${i + 1}`).toBeNull();
    const refused = await beginSignIn(second!, { ...attempt, address: `198.51.100.${unique()}` });
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The account stays locked for everyone, whatever the password, until the minute is over.
    expect(await beginSignIn(first!, attempt)).not.toBeNull();
  });

  it("counts the same email in any case as one account", async () => {
    const email = `Mixed-${unique()}@Example.com`;
    for (let i = 0; i < 10; i++) await beginSignIn(first!, { email, address: `a-${unique()}` });
    expect(await beginSignIn(second!, { email: email.toLowerCase(), address: `b-${unique()}` })).not.toBeNull();
  });

  it("does not count successful sign-ins", async () => {
    const attempt = { email: `busy-${unique()}@example.com`, address: `203.0.113.${unique()}` };
    for (let i = 0; i < 25; i++) {
      expect(await beginSignIn(i % 2 ? first! : second!, attempt)).toBeNull();
      await signInSucceeded(first!, attempt);
    }
  });

  it("limits one address guessing across many accounts", async () => {
    const address = `shared-${unique()}`;
    for (let i = 0; i < 30; i++) expect(await beginSignIn(first!, { email: `p${i}-${unique()}@example.com`, address })).toBeNull();
    expect(await beginSignIn(second!, { email: `next-${unique()}@example.com`, address })).not.toBeNull();
    expect(await beginSignIn(second!, { email: `next-${unique()}@example.com`, address: `other-${unique()}` })).toBeNull();
  });
});
