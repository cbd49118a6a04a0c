import { escapeIdentifier, escapeLiteral, type Pool } from "pg";
import { hasJobSchema, jobSchemaGrants } from "@/lib/db/job-schema";

// Two database roles. The owner (MIGRATION_DATABASE_URL) creates and alters the tables; the runtime role
// (DATABASE_URL) is what the app connects as. It reads and writes ordinary tables but may only INSERT and
// SELECT the audit log, and owns nothing, so it cannot disable the audit triggers, drop tables or switch
// triggers off with session_replication_role (a superuser setting). Everything here is idempotent: it runs
// after the migrations on every `npm run db:migrate`, so new tables are covered too.

export type RuntimeRole = { name: string; password: string | null };

/** The role a postgres:// URL signs in as. */
export function roleOfUrl(url: string): RuntimeRole {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.username);
  if (!name) throw new Error("DATABASE_URL must name its user (postgres://user:password@host/db) when MIGRATION_DATABASE_URL is set");
  return { name, password: parsed.password ? decodeURIComponent(parsed.password) : null };
}

export type RoleReport = { name: string; created: boolean; warnings: string[] };

// Postgres reports a role created at the same moment by another session as either of these.
const ALREADY_EXISTS = new Set(["42710", "23505"]);

async function ensureRole(owner: Pool, role: RuntimeRole): Promise<boolean> {
  const { rowCount } = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
  if (rowCount) return false;
  const password = role.password === null ? "" : ` PASSWORD ${escapeLiteral(role.password)}`;
  try {
    await owner.query(`CREATE ROLE ${escapeIdentifier(role.name)} LOGIN${password}`);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && ALREADY_EXISTS.has(code)) return false;
    throw new Error(
      `The runtime role "${role.name}" does not exist and could not be created (${(error as Error).message}). ` +
        "Create it (CREATE ROLE … LOGIN PASSWORD …) or give the migration role CREATEROLE.",
      { cause: error },
    );
  }
}

/** Grants the runtime role exactly the app's rights on the migrated schema; creates the role when missing. */
export async function grantRuntimeRole(owner: Pool, role: RuntimeRole): Promise<RoleReport> {
  const created = await ensureRole(owner, role);
  const r = escapeIdentifier(role.name);
  const client = await owner.connect();
  try {
    // One transaction: a running app sees the old rights or the new ones, never none.
    await client.query("BEGIN");
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
    await client.query(`GRANT CONNECT ON DATABASE ${escapeIdentifier(rows[0]?.db ?? "")} TO ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    // Start from nothing, so a right granted by hand earlier (TRUNCATE, TRIGGER, …) does not linger.
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`REVOKE UPDATE, DELETE ON audit_events, shipshape_migrations FROM ${r}`);
    await client.query(`REVOKE INSERT ON shipshape_migrations FROM ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    if (await hasJobSchema(client)) for (const statement of jobSchemaGrants(role.name)) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { name: role.name, created, warnings: await runtimeRoleWarnings(owner, role.name) };
}

/** What would still let the runtime role tamper with the audit log. */
export async function runtimeRoleWarnings(owner: Pool, roleName: string): Promise<string[]> {
  const { rows } = await owner.query<{ is_super: boolean; owned: string[] }>(
    `SELECT r.rolsuper AS is_super,
            coalesce((SELECT array_agg(tablename::text ORDER BY tablename) FROM pg_tables
                      WHERE schemaname = 'public' AND tableowner = r.rolname), '{}') AS owned
     FROM pg_roles r WHERE r.rolname = $1`,
    [roleName],
  );
  const row = rows[0];
  if (!row) return [`The runtime role "${roleName}" does not exist.`];
  const warnings: string[] = [];
  if (row.is_super) warnings.push(`The runtime role "${roleName}" is a superuser: it can bypass every restriction.`);
  if (row.owned.length > 0) {
    warnings.push(`The runtime role "${roleName}" owns ${row.owned.join(", ")}: an owner can disable triggers and drop tables.`);
  }
  return warnings;
}
