import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { grantRuntimeRole, roleOfUrl } from "@/lib/db/roles";
import { databaseUrlsFromEnv, setUpDatabase } from "@/lib/db/setup";

// The app connects as the runtime role (DATABASE_URL): it may add to the audit log and read it, but neither
// rewrite it nor switch its protection off. npm test and CI run the tests as that role, as production does.

const urls = databaseUrlsFromEnv();
if (!urls) throw new Error("DATABASE_URL is required");
const runtime = new Pool({ connectionString: urls.runtime, max: 1 });
const owner = new Pool({ connectionString: urls.owner, max: 1 });
afterAll(async () => {
  await runtime.end();
  await owner.end();
});

/** Runs one statement in a transaction that is always rolled back, so even a statement that wrongly
 * succeeds (DROP TABLE) leaves nothing behind; resolves to the SQLSTATE it failed with, or "ok". */
async function attempt(sql: string): Promise<string> {
  const client = await runtime.connect();
  try {
    await client.query("BEGIN");
    await client.query(sql);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? "error";
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

const INSUFFICIENT_PRIVILEGE = "42501";

describe("the app's database role", () => {
  it("is not the role that owns the tables", async () => {
    expect(urls.owner).not.toBe(urls.runtime);
    const { rows } = await runtime.query<{ me: string; owner: string; is_super: boolean }>(
      `SELECT current_user AS me, tableowner AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS is_super
       FROM pg_tables WHERE tablename = 'audit_events'`,
    );
    expect(rows[0]?.me).not.toBe(rows[0]?.owner);
    expect(rows[0]?.is_super).toBe(false);
  });

  it.each([
    ["SET session_replication_role = replica"],
    ["ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update"],
    ["ALTER TABLE audit_events DISABLE TRIGGER ALL"],
    ["DROP TABLE audit_events"],
    ["TRUNCATE audit_events"],
    ["UPDATE audit_events SET action = 'rewritten' WHERE id = (SELECT max(id) FROM audit_events)"],
    ["DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)"],
    ["DROP TABLE users"],
    ["CREATE TABLE intruder (id int)"],
  ])("cannot run %s", async (sql) => {
    expect(await attempt(sql)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("adds to the audit log and reads it", async () => {
    const entityId = randomUUID();
    const inserted = await runtime.query<{ id: string }>(
      "INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('test.appended', 'test', $1) RETURNING id::text",
      [entityId],
    );
    const read = await runtime.query<{ action: string }>("SELECT action FROM audit_events WHERE id = $1::bigint", [inserted.rows[0]?.id]);
    expect(read.rows).toEqual([{ action: "test.appended" }]);
  });

  it("reads and writes ordinary tables, and reads (only reads) the migration history", async () => {
    expect(await attempt("INSERT INTO settings (key, value) VALUES ('role-test', '1'::jsonb)")).toBe("ok");
    expect(await attempt("UPDATE users SET name = name WHERE false")).toBe("ok");
    expect(await attempt("DELETE FROM rate_limits WHERE false")).toBe("ok");
    expect(await attempt("SELECT count(*) FROM shipshape_migrations")).toBe("ok");
    expect(await attempt("DELETE FROM shipshape_migrations WHERE false")).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("works the job queue's rows but cannot change its shape", async () => {
    expect(await attempt("UPDATE pgboss.job SET priority = priority WHERE false")).toBe("ok");
    expect(await attempt(`SELECT pgboss.create_queue('role-test', '{"policy": "standard"}'::jsonb)`)).toBe("ok");
    expect(await attempt("ALTER TABLE pgboss.job ADD COLUMN tampered int")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt("DROP TABLE pgboss.version")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt("CREATE TABLE pgboss.extra (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
  });
});

describe("db:migrate's role setup", () => {
  it("can run again and again (a second run changes nothing and warns of nothing)", async () => {
    const first = await setUpDatabase(urls);
    const second = await setUpDatabase(urls);
    expect(second.migrations.applied).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(second.role?.created).toBe(false);
  });

  it("creates a missing runtime role once, even when two runs race for it", async () => {
    const name = `shipshape_role_test_${randomUUID().slice(0, 8)}`;
    try {
      const [a, b] = await Promise.all([
        grantRuntimeRole(owner, { name, password: "role-test-password" }),
        grantRuntimeRole(owner, { name, password: "role-test-password" }),
      ]);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      expect(a.warnings).toEqual([]);
      const { rows } = await owner.query<{ ok: boolean }>("SELECT has_table_privilege($1, 'audit_events', 'UPDATE') AS ok", [name]);
      expect(rows[0]?.ok).toBe(false);
    } finally {
      await owner.query(`DROP OWNED BY "${name}"`);
      await owner.query(`DROP ROLE IF EXISTS "${name}"`);
    }
  });

  it("reads the runtime role from DATABASE_URL", () => {
    expect(roleOfUrl("postgres://app%40x:p%3Ass@db:5432/shipshape")).toEqual({ name: "app@x", password: "p:ss" });
    expect(() => roleOfUrl("postgres:///shipshape")).toThrow(/must name its user/);
  });
});
