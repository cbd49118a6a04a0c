import { createHash, randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { Pool } from "pg";

// Test data goes straight into Postgres: every test makes its own teams, users and services,
// with unique names, so tests never share mutable rows.

let pool: Pool | undefined;
export function sql(): Pool {
  pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
}

export const PASSWORD = "e2e-password-123";
let hash: string | undefined;

export function uniq(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export type TestUser = { id: string; email: string; name: string; password: string };
export type TestTeam = { id: string; slug: string; name: string };

export async function createTeam(name = uniq("team"), db: Pool = sql()): Promise<TestTeam> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const { rows } = await db.query<{ id: string }>("INSERT INTO teams (slug, name) VALUES ($1, $2) RETURNING id", [slug, name]);
  return { id: rows[0]!.id, slug, name };
}

/** `db` defaults to the shared test database; tests that run their own server pass that server's pool. */
export async function createUser(
  role: "VIEWER" | "EDITOR" | "APPROVER" | "ADMIN",
  teams: TestTeam[] = [],
  db: Pool = sql(),
): Promise<TestUser> {
  hash ??= await bcrypt.hash(PASSWORD, 4);
  const name = uniq(role.toLowerCase());
  const email = `${name}@example.com`;
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO users (email, name, role, password_hash, is_demo) VALUES ($1, $2, $3, $4, true) RETURNING id",
    [email, name, role, hash],
  );
  const id = rows[0]!.id;
  for (const team of teams) await db.query("INSERT INTO memberships (user_id, team_id) VALUES ($1, $2)", [id, team.id]);
  return { id, email, name, password: PASSWORD };
}

export async function createService(team: TestTeam, overrides: { name?: string; tier?: 1 | 2 | 3 } = {}) {
  const name = overrides.name ?? uniq("Service");
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const { rows } = await sql().query<{ id: string }>(
    "INSERT INTO services (slug, name, team_id, tier, lifecycle) VALUES ($1, $2, $3, $4, 'PRODUCTION') RETURNING id",
    [slug, name, team.id, overrides.tier ?? 2],
  );
  return { id: rows[0]!.id, slug, name };
}

/** An API token for `userId`, stored hashed as the app stores it; `pool` defaults to the e2e database. */
export async function createApiToken(userId: string, pool: Pool = sql()): Promise<string> {
  const token = `ss_${randomUUID().replaceAll("-", "")}`;
  await pool.query(
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, scope, expires_at) VALUES ($1, $2, $3, $4, 'WRITE', now() + interval '1 day')",
    [userId, uniq("e2e"), createHash("sha256").update(token).digest("hex"), token.slice(0, 7)],
  );
  return token;
}
