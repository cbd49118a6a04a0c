import bcrypt from "bcryptjs";
import { can, type Viewer } from "@/lib/auth/permissions";
import type { SessionHolder } from "@/lib/auth/session-policy";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/review-access";
import type { Role } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const viewerSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  memberships: { select: { teamId: true } },
} as const;

type ViewerRow = { id: string; email: string; name: string; role: Role; disabledAt: Date | null; memberships: { teamId: string }[] };

function toViewer(row: ViewerRow | null): Viewer | null {
  if (!row || row.disabledAt) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, teamIds: row.memberships.map((m) => m.teamId) };
}

/** The statement every signed-in request starts with (and the bench floor measures): the person, their teams, their session epoch. */
export function sessionUserSql(id: string): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id::text AS id, u.email, u.name, u.role::text AS role, u.disabled_at, u.session_epoch,
           coalesce(array_agg(m.team_id::text) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
    FROM users u LEFT JOIN memberships m ON m.user_id = u.id
    WHERE u.id = ${id}::uuid
    GROUP BY u.id`;
}

type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled_at: Date | null;
  session_epoch: number;
  team_ids: string[];
};

export type SessionUser = { viewer: Viewer | null; holder: NonNullable<SessionHolder> };

/** The person behind a session and their session epoch, in the one query every signed-in request makes. */
export async function getSessionUser(id: string): Promise<SessionUser | null> {
  if (!isUuid(id)) return null;
  const [row] = await db().$queryRaw<SessionUserRow[]>(sessionUserSql(id));
  if (!row) return null;
  const viewer = row.disabled_at ? null : { id: row.id, email: row.email, name: row.name, role: row.role, teamIds: row.team_ids };
  return { viewer, holder: { sessionEpoch: row.session_epoch, isDisabled: row.disabled_at !== null } };
}

/** The signed-in person as the rest of the app sees them; null when unknown or disabled. */
export async function getViewerById(id: string): Promise<Viewer | null> {
  return (await getSessionUser(id))?.viewer ?? null;
}

/**
 * Signing out ends every session of the account (sessions are per-person, not per-device), but only when
 * the signing-out session is itself current: an old, already revoked cookie cannot end the newer sessions.
 */
export async function endSessionsOnSignOut(userId: string, epoch: number, requestId: string | null): Promise<void> {
  if (!isUuid(userId)) return;
  await db().$transaction(async (tx) => {
    const ended = await tx.user.updateMany({
      where: { id: userId, sessionEpoch: epoch },
      data: { sessionEpoch: { increment: 1 } },
    });
    if (ended.count === 0) return;
    const viewer = toViewer(await tx.user.findUnique({ where: { id: userId }, select: viewerSelect }));
    if (viewer) {
      await recordAudit(tx, { viewer, requestId }, { action: "user.signed_out", entityType: "user", entityId: userId });
    }
  });
}

/** "Sign out everywhere": a person for themselves, or an admin for anyone. The caller's own session ends too. */
export async function endAllSessions(ctx: AuditContext, userId: string): Promise<void> {
  if (!can(ctx.viewer, { type: "user:end-sessions", userId })) {
    throw new AppError("FORBIDDEN", "Only admins can sign other people out.");
  }
  if (!isUuid(userId)) throw new AppError("NOT_FOUND", "This user does not exist");
  await db().$transaction(async (tx) => {
    const ended = await tx.user.updateMany({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } } });
    if (ended.count === 0) throw new AppError("NOT_FOUND", "This user does not exist");
    await recordAudit(tx, ctx, {
      action: "user.sessions_ended",
      entityType: "user",
      entityId: userId,
      after: { by: ctx.viewer.id === userId ? "self" : "admin" },
    });
  });
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.jzQ5Q0z4p0p8cUrx1l1yq3b9sX5e";

export async function verifyPassword(email: string, password: string): Promise<Viewer | null> {
  const row = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...viewerSelect, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, row?.passwordHash ?? DUMMY_HASH);
  return ok && row?.passwordHash ? toViewer(row) : null;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

/**
 * First sign-in through OIDC creates the user (default role, or admin for listed emails);
 * later sign-ins keep the role an admin gave them and refresh the name.
 */
export async function upsertOidcUser(input: {
  subject: string;
  email: string;
  name: string;
  defaultRole: Role;
  adminEmails: readonly string[];
}): Promise<Viewer | null> {
  const email = input.email.trim().toLowerCase();
  const role: Role = input.adminEmails.includes(email) ? "ADMIN" : input.defaultRole;
  const existing = await db().user.findFirst({
    where: { OR: [{ oidcSubject: input.subject }, { email }] },
    select: { id: true },
  });
  const row = existing
    ? await db().user.update({
        where: { id: existing.id },
        data: { oidcSubject: input.subject, name: input.name, email },
        select: viewerSelect,
      })
    : await db().user.create({
        data: { oidcSubject: input.subject, email, name: input.name, role },
        select: viewerSelect,
      });
  return toViewer(row);
}

export async function getUserIdByOidcSubject(subject: string): Promise<string | null> {
  const row = await db().user.findUnique({ where: { oidcSubject: subject }, select: { id: true } });
  return row?.id ?? null;
}
