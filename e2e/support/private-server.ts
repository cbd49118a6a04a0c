import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Pool } from "pg";
import { applyMigrations } from "../../lib/db/migrations";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";

// A Shipshape production server with a Postgres of its own, for tests that break the database (stop it, change
// its schema) and so must never touch the database the other tests share.

export type PrivateServer = {
  baseURL: string;
  app: ChildProcess;
  database: EmbeddedDatabase;
  /** The data directory and port, so a test can stop the database and start it again in place. */
  dir: string;
  dbPort: number;
  name: string;
  /** The app's stdout (JSON log lines), when started with `captureLogs`. */
  logs: string[];
};

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/**
 * Starts the built app against `databaseUrl` on a free port, with `env` on top of the usual settings; with
 * `captureLogs`, its stdout lines are kept in `logs`.
 */
export async function startApp(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { captureLogs?: boolean } = {},
): Promise<{ baseURL: string; app: ChildProcess; logs: string[] }> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: ["ignore", options.captureLogs ? "pipe" : "ignore", "ignore"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: `${name}-secret-${name}-secret-1234567890`,
      SHIPSHAPE_DEMO_MODE: "true",
      LOG_LEVEL: "silent",
      ...env,
    },
  });
  const logs: string[] = [];
  if (app.stdout) createInterface({ input: app.stdout }).on("line", (line) => logs.push(line));
  await waitFor(async () => (await fetch(`${baseURL}/livez`)).ok, 60_000);
  return { baseURL, app, logs };
}

/** Sends SIGTERM to the app unless it has exited, and waits for it to exit. */
export async function stopApp(app: ChildProcess | undefined): Promise<void> {
  if (!app || app.exitCode !== null) return;
  const exited = new Promise((r) => app.once("exit", r));
  app.kill("SIGTERM");
  await exited;
}

/**
 * Starts an embedded Postgres in .data/<name>-pg-<pid>, migrates it, and starts the built app against it,
 * with `env` on top of the usual settings (e.g. smaller limits for a test that overloads it).
 */
export async function startPrivateServer(
  name: string,
  env: Record<string, string> = {},
  options: { captureLogs?: boolean } = {},
): Promise<PrivateServer> {
  const dir = path.resolve(".data", `${name}-pg-${process.pid}`);
  const dbPort = await freePort();
  const database = await startEmbeddedPostgres({ dir, port: dbPort, database: name, persistent: true });
  const pool = new Pool({ connectionString: database.url, max: 1 });
  await applyMigrations(pool);
  await pool.end();
  const { baseURL, app, logs } = await startApp(name, database.url, env, options);
  return { baseURL, app, database, dir, dbPort, name, logs };
}

/** Stops the app (if still running) and the database, and removes the data directory. */
export async function stopPrivateServer(server: PrivateServer | undefined): Promise<void> {
  if (!server) return;
  await stopApp(server.app);
  await server.database.stop().catch(() => undefined);
  await rm(server.dir, { recursive: true, force: true });
}
