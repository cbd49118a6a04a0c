import net from "node:net";
import { expect, test } from "@playwright/test";
import { Pool } from "pg";
import { signIn as signInForCookies } from "../scripts/lib/bench-server";
import { createApiToken, createTeam, createUser, PASSWORD, type TestUser } from "./support/db";
import { startPrivateServer, stopPrivateServer, type PrivateServer } from "./support/private-server";

// Far more requests than the server takes at once: the ones beyond its short queue get a fast 503 with
// Retry-After, none gets a 500, and a pool with no free connection is not mistaken for a dead database.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const SLOTS = 4;
const QUEUE = 4;
let server: PrivateServer | undefined;
let user: TestUser;
let token = "";

test.beforeAll(async () => {
  server = await startPrivateServer("overload", {
    HTTP_MAX_CONCURRENCY: String(SLOTS),
    HTTP_MAX_QUEUE: String(QUEUE),
    HTTP_QUEUE_TIMEOUT_MS: "20000",
    // One connection, and a short wait for it: requests that are let in still find the pool full.
    DB_POOL_MAX: "1",
    DB_CONNECT_TIMEOUT_MS: "30",
  });
  const pool = new Pool({ connectionString: server.database.url, max: 1 });
  user = await createUser("EDITOR", [await createTeam(undefined, pool)], pool);
  token = await createApiToken(user.id, pool);
  await pool.end();
});

test.afterAll(async () => {
  await stopPrivateServer(server);
});

type Result = { status: number; ms: number; retryAfter: string | null; reason: string | undefined };

async function timed(url: string, headers: Record<string, string>): Promise<Result> {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  const ms = performance.now() - started;
  const body = await response.text();
  const reason =
    response.status === 503 && body.startsWith("{") ? (JSON.parse(body) as { error: { reason?: string } }).error.reason : undefined;
  return { status: response.status, ms, retryAfter: response.headers.get("retry-after"), reason };
}

/** A request whose body never finishes arriving: it holds its slot (or queue place) until the socket closes. */
function stalledUpload(baseURL: string): Promise<net.Socket> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/v1/services/stalled/reviews HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"trigger":`,
      );
      resolve(socket);
    });
    socket.on("error", reject);
  });
}

test("beyond its queue it answers 503 with Retry-After within 100 ms", async () => {
  const baseURL = server?.baseURL ?? "";
  const api = () => timed(`${baseURL}/api/v1/services`, { authorization: `Bearer ${token}` });
  // Unloaded, it serves (the first request may still be opening the pool's only connection within its 30 ms).
  await expect.poll(async () => (await api()).status, { timeout: 10_000 }).toBe(200);

  const stalled: net.Socket[] = [];
  try {
    // One at a time: each looks its token up on the pool's single connection before it stalls.
    for (let i = 0; i < SLOTS + QUEUE; i++) {
      stalled.push(await stalledUpload(baseURL));
      await new Promise((r) => setTimeout(r, 150));
    }
    // Every slot and queue place is taken: the next requests are refused at the door.
    await expect.poll(async () => (await api()).status).toBe(503);
    const refused = [];
    for (let i = 0; i < 20; i++) refused.push(await api());
    expect(refused.map((r) => [r.status, r.reason, r.retryAfter])).toEqual(refused.map(() => [503, "overloaded", "2"]));
    expect(Math.max(...refused.map((r) => r.ms))).toBeLessThan(100);
    const page = await fetch(`${baseURL}/portfolio`, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("more requests than it can");
    // Probes never queue behind pages.
    expect((await fetch(`${baseURL}/readyz`)).status).toBe(200);
    expect((await fetch(`${baseURL}/livez`)).status).toBe(200);
  } finally {
    for (const socket of stalled) socket.destroy();
  }
  await expect.poll(async () => (await api()).status).toBe(200);
});

test("a burst of signed-in pages and API calls: never a 500, and a full pool is not a dead database", async () => {
  const baseURL = server?.baseURL ?? "";
  const cookies = await signInForCookies(baseURL, user.email, PASSWORD);
  // First requests load each route's code; the burst should measure serving, not loading.
  expect((await timed(`${baseURL}/portfolio`, { cookie: cookies.header(), accept: "text/html" })).status).toBe(200);

  const readiness: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      readiness.push((await fetch(`${baseURL}/readyz`)).status);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const burst = (n: number) => [
    ...Array.from({ length: n }, () => timed(`${baseURL}/portfolio`, { cookie: cookies.header(), accept: "text/html" })),
    ...Array.from({ length: n }, () => timed(`${baseURL}/api/v1/services`, { authorization: `Bearer ${token}` })),
  ];
  const results = (await Promise.all([...burst(100), ...burst(100)])).flat();
  polling = false;
  await poller;

  expect([...new Set(results.map((r) => r.status))].sort()).toEqual([200, 503]);
  expect(results.filter((r) => r.status === 503 && r.retryAfter === null)).toEqual([]);
  // The pool was full (requests could not get its one connection in time), and yet the database was
  // never taken for dead: readiness answered 200 throughout and the next request is served.
  const metrics = await (await fetch(`${baseURL}/metrics`)).text();
  expect(metrics).toMatch(/shipshape_database_errors_total\{kind="busy"\} [1-9]/);
  expect(metrics).toMatch(/shipshape_database_up 1/);
  expect(readiness.length).toBeGreaterThan(0);
  expect(readiness.filter((s) => s !== 200)).toEqual([]);
  expect((await timed(`${baseURL}/api/v1/services`, { authorization: `Bearer ${token}` })).status).toBe(200);
});
