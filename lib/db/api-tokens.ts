import { randomBytes, createHash } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, pool } from "@/lib/db/client";
import { todayUtc } from "@/lib/db/review-access";
import { tokenExpiresAt, validateTokenExpiry, type ApiTokenScope } from "@/lib/domain/api-tokens";
import type { Role } from "@/lib/domain/types";
import type { Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { ApiTokenCreateInput } from "@/lib/schemas/api-token";

// Personal API tokens: shown once, stored only as a SHA-256 hash, revocable, expiring. A token acts as its
// owner, with the owner's current role and teams, limited to reading when its scope is READ.

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type TokenViewerRow = {
  token_id: string;
  scope: ApiTokenScope;
  expires_at: Date;
  last_used_at: Date | null;
  id: string;
  email: string;
  name: string;
  role: Role;
  team_ids: string[];
};

export type ApiTokenGrant = { viewer: Viewer; tokenId: string; scope: ApiTokenScope; expiresAt: Date };

/**
 * Every API request starts here, so it is one plain SQL round trip (plus a write at most once a minute).
 * An expired token is still returned, so the caller can say why it no longer works.
 */
export async function getApiTokenGrant(tokenHash: string): Promise<ApiTokenGrant | null> {
  const { rows } = await pool().query<TokenViewerRow>(
    `SELECT t.id::text AS token_id, t.scope::text AS scope, t.expires_at, t.last_used_at, u.id::text AS id, u.email, u.name, u.role::text AS role,
            coalesce(array_agg(m.team_id::text) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
     FROM api_tokens t
     JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
     LEFT JOIN memberships m ON m.user_id = u.id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL
     GROUP BY t.id, u.id`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  const viewer: Viewer = { id: row.id, email: row.email, name: row.name, role: row.role, teamIds: row.team_ids };
  const grant = { viewer, tokenId: row.token_id, scope: row.scope, expiresAt: row.expires_at };
  if (row.expires_at.getTime() <= Date.now()) return grant;
  // Record use at most once a minute: the token table is not a request log.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await pool().query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1::uuid", [row.token_id]);
  }
  return grant;
}

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  expiresAt: Date;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  expiresAt: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function listApiTokens(viewer: Viewer): Promise<ApiTokenDto[]> {
  return db().apiToken.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" }, select: tokenSelect });
}

const MAX_ACTIVE_TOKENS = 20;

/** Returns the plaintext token exactly once; only its hash is kept. */
export async function createApiToken(ctx: AuditContext, input: ApiTokenCreateInput): Promise<{ token: string; record: ApiTokenDto }> {
  const { name, scope, expiresOn } = input;
  // Against the server's today, here at the door to the table: nothing creates a token that never expires.
  const expiry = validateTokenExpiry(expiresOn, todayUtc());
  if (!expiry.ok) throw new AppError("VALIDATION", expiry.message, { fieldErrors: { expiresOn: [expiry.message] } });
  const token = `ss_${randomBytes(24).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId: ctx.viewer.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS)
      throw new AppError("CONFLICT", `You already have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
    const record = await tx.apiToken.create({
      data: {
        userId: ctx.viewer.id,
        name,
        scope,
        expiresAt: tokenExpiresAt(expiresOn),
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, 7),
      },
      select: tokenSelect,
    });
    await recordAudit(tx, ctx, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: record.id,
      after: { name, prefix: record.prefix, scope, expiresAt: record.expiresAt },
    });
    return { token, record };
  });
}

export async function revokeApiToken(ctx: AuditContext, id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({ where: { id, userId: ctx.viewer.id }, select: { id: true, revokedAt: true, name: true } });
    if (!row) throw new AppError("NOT_FOUND", "That token does not exist");
    if (row.revokedAt) return;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: id,
      before: { name: row.name, revokedAt: null },
      after: { revokedAt: new Date() },
    });
  });
}
