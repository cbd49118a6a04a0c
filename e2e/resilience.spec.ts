import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Pool } from "pg";
import { applyMigrations } from "../lib/db/migrations";
import { startEmbeddedPostgres, freePort, type EmbeddedDatabase } from "../scripts/lib/embedded-postgres";

// Postgres goes away under a running Shipshape and comes back: pages and APIs must answer 503 quickly
// (never hang, never crash) and recover by themselves.

test.describe.configure({ mode: "serial", timeout: 120_000 });

let database: EmbeddedDatabase | undefined;
let app: ChildProcess | undefined;
let baseURL = "";
let dbPort = 0;
const dir = path.resolve(".data", `resilience-pg-${process.pid}`);

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

test.beforeAll(async () => {
  dbPort = await freePort();
  database = await startEmbeddedPostgres({ dir, port: dbPort, database: "resilience", persistent: true });
  const pool = new Pool({ connectionString: database.url, max: 1 });
  await applyMigrations(pool);
  await pool.end();
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "resilience-secret-resilience-secret-1234",
      SHIPSHAPE_DEMO_MODE: "true",
      LOG_LEVEL: "silent",
    },
  });
  await waitFor(async () => (await fetch(`${baseURL}/livez`)).ok, 60_000);
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app?.once("exit", r));
    app.kill("SIGTERM");
    await exited;
  }
  await database?.stop().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

test("answers 503 quickly while Postgres is down and recovers when it returns", async () => {
  expect((await fetch(`${baseURL}/readyz`)).status).toBe(200);
  expect((await fetch(`${baseURL}/signin`)).status).toBe(200);

  await database?.stop();

  // Readiness notices within its 1 s budget.
  let started = Date.now();
  const readyz = await fetch(`${baseURL}/readyz`);
  expect(readyz.status).toBe(503);
  expect(Date.now() - started).toBeLessThan(2500);

  // Pages and APIs fail fast with 503, and the process stays alive.
  started = Date.now();
  const page = await fetch(`${baseURL}/signin`, { headers: { accept: "text/html" } });
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toBeTruthy();
  expect(await page.text()).toContain("temporarily unavailable");
  const api = await fetch(`${baseURL}/api/v1/services`);
  expect(api.status).toBe(503);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("SERVICE_UNAVAILABLE");
  expect(Date.now() - started).toBeLessThan(2500);
  expect((await fetch(`${baseURL}/livez`)).status).toBe(200);
  const health = await fetch(`${baseURL}/healthz`);
  expect(health.status).toBe(503);
  expect(((await health.json()) as { status: string }).status).toBe("fail");

  database = await startEmbeddedPostgres({ dir, port: dbPort, database: "resilience", persistent: true });

  // No restart needed: the server notices by itself.
  await waitFor(async () => (await fetch(`${baseURL}/readyz`)).status === 200, 15_000);
  await waitFor(async () => (await fetch(`${baseURL}/signin`, { headers: { accept: "text/html" } })).status === 200, 15_000);
});

/** A GET whose socket is connected before this resolves; `done` resolves with the status once answered. */
async function startRequest(url: string): Promise<{ done: Promise<number> }> {
  return new Promise((resolveStarted, reject) => {
    const done = new Promise<number>((resolveDone, rejectDone) => {
      const request = http.get(url, { headers: { accept: "text/html" }, agent: false }, (response) => {
        response.resume();
        response.on("end", () => resolveDone(response.statusCode ?? 0));
      });
      request.on("error", rejectDone);
      request.on("socket", (socket) => socket.on("connect", () => resolveStarted({ done })));
    });
    done.catch(reject);
  });
}

test("SIGTERM drains in-flight requests, then the process exits cleanly", async () => {
  const running = app;
  if (!running) throw new Error("server not started");
  const exited = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
  // Requests already connected when the signal arrives must all be answered, not cut off.
  const inFlight = await Promise.all(Array.from({ length: 12 }, () => startRequest(`${baseURL}/signin`)));
  running.kill("SIGTERM");
  expect(await Promise.all(inFlight.map((r) => r.done))).toEqual(Array.from({ length: 12 }, () => 200));
  expect(await exited).toBe(0);
  await expect(fetch(`${baseURL}/livez`)).rejects.toThrow();
});
