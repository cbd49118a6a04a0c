import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Pool } from "pg";
import { serviceHref } from "../lib/routes";
import { DEMO_ACCOUNTS, DEMO_SERVICES } from "../prisma/seed/demo-data";
import { runtimeUrlFor } from "../scripts/lib/runtime-role";
import { signIn } from "./support/fixtures";
import { startApp, stopApp } from "./support/private-server";

// The restore drill: the demo portfolio and an audit trail in a database of their own, backed up and restored
// into a fresh database with the real commands, the way docs/runbooks.md says; the copy must hold the same rows,
// the same audit trail, still refuse to rewrite it, and serve signed-in pages from a production server.

test.describe.configure({ mode: "serial", timeout: 240_000 });

const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
const DEMO_PASSWORD = "restore-drill-password";
const AUDIT_EVENTS = 300;

function databaseUrl(name: string): string {
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const source = `shipshape_drill_${process.pid}_src`;
const target = `shipshape_drill_${process.pid}_dst`;
const sourceOwner = databaseUrl(source);
const targetOwner = databaseUrl(target);
const sourceApp = runtimeUrlFor(sourceOwner);
const targetApp = runtimeUrlFor(targetOwner);
let scratch = "";

type Run = { code: number | null; output: string; ms: number };

/** `npm run <script>` as a person would run it, without npm's own noise. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", [`scripts/${script}.ts`, ...args], { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output, ms: Math.round(performance.now() - started) }));
  });
}

async function expectSucceeds(run: Promise<Run>): Promise<Run> {
  const result = await run;
  expect(result.code, result.output).toBe(0);
  return result;
}

const admin = new Pool({ connectionString: ownerUrl, max: 1 });
const pools: Pool[] = [];
const pool = (url: string) => {
  const created = new Pool({ connectionString: url, max: 2 });
  pools.push(created);
  return created;
};

type TableState = { rows: number; digest: string };

/** Row count and a digest of every row of every table in public, keyed by table. */
async function tableStates(db: Pool): Promise<Record<string, TableState>> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  const states: Record<string, TableState> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM public."${name}" t`,
    );
    states[name] = rows[0]!;
  }
  return states;
}

/** The whole audit trail in order, as one digest. */
async function auditTrail(db: Pool): Promise<{ events: number; digest: string; lastId: string }> {
  const { rows } = await db.query<{ events: number; digest: string; lastId: string }>(
    `SELECT count(*)::int AS events, md5(string_agg(a::text, E'\\n' ORDER BY a.id)) AS digest, max(a.id)::text AS "lastId" FROM audit_events a`,
  );
  return rows[0]!;
}

async function dropDatabases() {
  for (const name of [source, target]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  for (const url of [sourceApp, targetApp]) await admin.query(`DROP ROLE IF EXISTS "${new URL(url).username}"`);
}

test.beforeAll(async () => {
  expect(ownerUrl, "npm test provides MIGRATION_DATABASE_URL").not.toBe("");
  scratch = mkdtempSync(path.join(os.tmpdir(), "shipshape-drill-"));
  await dropDatabases();
  for (const name of [source, target]) await admin.query(`CREATE DATABASE "${name}"`);

  // The source is set up like a production install: migrated by its owner, used by the app's own role.
  await expectSucceeds(runScript("migrate", [], { MIGRATION_DATABASE_URL: sourceOwner, DATABASE_URL: sourceApp }));
  await expectSucceeds(runScript("seed-demo", [], { DATABASE_URL: sourceApp, SHIPSHAPE_DEMO_PASSWORD: DEMO_PASSWORD }));
  // An audit trail the way the app writes it (the demo seed writes none): appended by the app's role.
  await pool(sourceApp).query(
    `INSERT INTO audit_events (actor_email, request_id, action, entity_type, entity_id, before, after)
     SELECT 'admin@example.com', 'drill-' || g, 'service.updated', 'service', g::text,
            CASE WHEN g % 3 = 0 THEN NULL ELSE jsonb_build_object('tier', g % 3 + 1, 'name', 'Zoë''s service ✓') END,
            jsonb_build_object('tier', g % 3 + 1, 'tags', jsonb_build_array('a', g), 'nested', jsonb_build_object('n', g))
     FROM generate_series(1, ${AUDIT_EVENTS}) g`,
  );
});

test.afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await dropDatabases();
  await admin.end();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("a backup restored into a fresh database holds the same data and audit trail, and the app runs on it", async ({ browser }) => {
  // The environment names the source: --into must be what decides where the restore goes.
  const sourceEnv = { MIGRATION_DATABASE_URL: sourceOwner, DATABASE_URL: sourceApp };
  const archive = path.join(scratch, "drill.dump");
  const backup = await expectSucceeds(runScript("backup", ["--out", archive], sourceEnv));
  const restore = await expectSucceeds(runScript("restore", [archive, "--into", targetOwner], sourceEnv));
  // The runbook's next step: newer migrations and the app role's rights on the restored copy.
  const migrate = await expectSucceeds(runScript("migrate", [], { MIGRATION_DATABASE_URL: targetOwner, DATABASE_URL: targetApp }));
  console.log(`restore drill: backup ${backup.ms} ms, restore ${restore.ms} ms, migrate ${migrate.ms} ms (whole commands)`);

  const before = pool(sourceOwner);
  const after = pool(targetOwner);
  const sourceTables = await tableStates(before);
  expect(Object.keys(sourceTables).length).toBeGreaterThan(10);
  // The demo portfolio and Shipshape itself (its own readiness review).
  expect(sourceTables.services?.rows).toBe(DEMO_SERVICES.length + 1);
  expect(await tableStates(after)).toEqual(sourceTables);

  const trail = await auditTrail(before);
  expect(trail.events).toBe(AUDIT_EVENTS);
  expect(await auditTrail(after)).toEqual(trail);

  // Still append-only, for the owner too (the trigger) and for the app's role (its rights).
  for (const statement of ["UPDATE audit_events SET action = 'rewritten'", "DELETE FROM audit_events", "TRUNCATE audit_events"]) {
    await expect(after.query(statement)).rejects.toThrow("audit_events is append-only");
  }
  const app = pool(targetApp);
  await expect(app.query("UPDATE audit_events SET action = 'rewritten'")).rejects.toThrow("permission denied");
  // New events continue after the restored ones instead of colliding with them.
  const { rows } = await app.query<{ id: string }>(
    "INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('drill.checked', 'drill', 'x') RETURNING id::text",
  );
  expect(BigInt(rows[0]!.id)).toBeGreaterThan(BigInt(trail.lastId));
  expect((await auditTrail(before)).events).toBe(AUDIT_EVENTS);

  // A production server on the restored copy is ready and serves the restored portfolio to a signed-in person.
  const server = await startApp("restore-drill", targetApp);
  try {
    await expect.poll(async () => (await fetch(`${server.baseURL}/readyz`)).status, { timeout: 10_000, intervals: [100] }).toBe(200);
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const account = DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!;
    const service = DEMO_SERVICES[0]!;
    await signIn(page, { id: "", email: account.email, name: account.name, password: DEMO_PASSWORD }, serviceHref(service.slug));
    await expect(page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
    await context.close();
  } finally {
    await stopApp(server.app);
  }
});
