import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/db/review-access";
import type { Role, TeamRef } from "@/lib/domain/types";
import { AppError, fromPrismaError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserCreateInput, UserUpdateInput } from "@/lib/schemas/admin";
import { findPage, textSearch } from "@/lib/db/find-page";
import { pageRequest, type Paginated } from "@/lib/domain/pagination";

// People, as admins manage them. Every function checks the admin right itself: pages check it too (to show a
// friendly message), but the data door is where it is enforced. Emails are private, so reads are admin-only.

export const ADMIN_ONLY_MESSAGE = "Only admins can manage Shipshape.";
export const STALE_USER_MESSAGE = "Someone else changed this user; reload";

export function assertAdmin(viewer: Viewer): void {
  if (!can(viewer, { type: "admin" })) throw new AppError("FORBIDDEN", ADMIN_ONLY_MESSAGE);
}

export type AdminUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  /** Never signed in: no password and no OIDC subject yet, so their first OIDC sign-in claims the account. */
  isInvited: boolean;
  teams: TeamRef[];
  /** The user's version: an edit is saved only if this has not moved since the form was loaded. */
  updatedAt: Date;
};
export type AdminUserList = Paginated<AdminUser>;

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  oidcSubject: true,
  passwordHash: true,
  updatedAt: true,
  memberships: { select: { team: { select: { id: true, name: true, slug: true } } }, orderBy: { team: { name: "asc" } } },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

// The secrets are selected only to say whether they exist; they never leave this file.
function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabledAt: row.disabledAt,
    isInvited: row.oidcSubject === null && row.passwordHash === null,
    teams: row.memberships.map((m) => m.team),
    updatedAt: row.updatedAt,
  };
}

/** What the audit trail keeps of a user: the fields an admin changes, never secrets. */
function auditSnapshot(user: AdminUser) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    disabledAt: user.disabledAt,
    teamIds: user.teams.map((t) => t.id).sort(),
    updatedAt: user.updatedAt,
  };
}

export type ListUsersOptions = { q?: string; role?: Role; page?: number; pageSize?: number };

export async function listUsersForAdmin(viewer: Viewer, options: ListUsersOptions = {}): Promise<AdminUserList> {
  assertAdmin(viewer);
  const where: Prisma.UserWhereInput = { ...(options.role ? { role: options.role } : {}), ...textSearch(options.q, ["name", "email"]) };
  return findPage(
    pageRequest(options, 25),
    {
      // id breaks ties so pages never overlap or skip people with the same name.
      rows: (window) => db().user.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...window, select: userSelect }),
      count: () => db().user.count({ where }),
    },
    toAdminUser,
  );
}

export async function getUserForAdmin(viewer: Viewer, id: string): Promise<AdminUser | null> {
  assertAdmin(viewer);
  if (!isUuid(id)) return null;
  const row = await db().user.findUnique({ where: { id }, select: userSelect });
  return row ? toAdminUser(row) : null;
}

export type AdminRuleProblem = { code: "VALIDATION" | "CONFLICT"; field: "role" | "disabled"; message: string };

/**
 * The rules that keep Shipshape administrable: nobody removes their own admin rights (they could not undo
 * it), and the last active admin stays one. `activeAdminIds` must be read (and locked) in the same
 * transaction as the change, or two admins demoting each other at once could both pass.
 */
export function adminRuleProblem(input: {
  actorId: string;
  targetId: string;
  next: { role: Role; disabled: boolean };
  activeAdminIds: readonly string[];
}): AdminRuleProblem | null {
  const { actorId, targetId, next, activeAdminIds } = input;
  if (actorId === targetId && next.role !== "ADMIN") {
    return { code: "VALIDATION", field: "role", message: "You can't remove your own admin role. Ask another admin to do it." };
  }
  if (actorId === targetId && next.disabled) {
    return { code: "VALIDATION", field: "disabled", message: "You can't disable your own account. Ask another admin to do it." };
  }
  const losesAdmin = activeAdminIds.includes(targetId) && (next.role !== "ADMIN" || next.disabled);
  if (losesAdmin && activeAdminIds.every((id) => id === targetId)) {
    return {
      code: "CONFLICT",
      field: next.role !== "ADMIN" ? "role" : "disabled",
      message: "This is the last active admin. Make someone else an admin first.",
    };
  }
  return null;
}

// One lock order (by id) for every admin change, so concurrent changes queue instead of deadlocking.
async function lockActiveAdminIds(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}

async function assertTeamsExist(tx: Tx, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const found = await tx.team.count({ where: { id: { in: [...teamIds] } } });
  if (found !== teamIds.length) {
    throw new AppError("VALIDATION", "A team you chose no longer exists", {
      fieldErrors: { teamIds: ["A team you chose no longer exists; reload to see the current teams"] },
    });
  }
}

const emailTaken = () =>
  new AppError("CONFLICT", "Someone already uses that email", {
    fieldErrors: { email: ["A user with this email already exists"] },
  });

/**
 * Invites a person: no password, so they sign in through OIDC, which matches them by email on their first
 * sign-in and keeps the role and teams given here.
 */
export async function createUserAsAdmin(ctx: AuditContext, input: UserCreateInput): Promise<AdminUser> {
  assertAdmin(ctx.viewer);
  try {
    return await db().$transaction(async (tx) => {
      // Emails are stored lowercased, but rows made before that rule may not be; compare without case.
      const taken = await tx.user.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { id: true } });
      if (taken) throw emailTaken();
      await assertTeamsExist(tx, input.teamIds);
      const created = toAdminUser(
        await tx.user.create({
          data: {
            email: input.email,
            name: input.name,
            role: input.role,
            memberships: { create: input.teamIds.map((teamId) => ({ teamId })) },
          },
          select: userSelect,
        }),
      );
      await recordAudit(tx, ctx, { action: "user.created", entityType: "user", entityId: created.id, after: auditSnapshot(created) });
      return created;
    });
  } catch (error) {
    // The unique index still decides when two admins invite the same email at the same moment.
    throw fromPrismaError(error)?.code === "CONFLICT" ? emailTaken() : error;
  }
}

function sameTeams(user: AdminUser, teamIds: readonly string[]): boolean {
  const current = new Set(user.teams.map((t) => t.id));
  return current.size === teamIds.length && teamIds.every((id) => current.has(id));
}

/** Changes role, team memberships and disabled state together, only on top of the version the admin saw. */
export async function updateUserAsAdmin(ctx: AuditContext, input: UserUpdateInput): Promise<AdminUser> {
  assertAdmin(ctx.viewer);
  if (!isUuid(input.id)) throw new AppError("NOT_FOUND", "This user does not exist");
  return db().$transaction(async (tx) => {
    const activeAdminIds = await lockActiveAdminIds(tx);
    // The viewer was read before the transaction; an admin demoted or disabled meanwhile acts no more.
    if (!activeAdminIds.includes(ctx.viewer.id)) throw new AppError("FORBIDDEN", ADMIN_ONLY_MESSAGE);
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${input.id}::uuid FOR UPDATE`;
    const row = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!row) throw new AppError("NOT_FOUND", "This user does not exist");
    const before = toAdminUser(row);
    // Both sides went through the same millisecond Date, so microseconds in the column cannot cause a false conflict.
    if (before.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
      throw new AppError("CONFLICT", STALE_USER_MESSAGE, { reason: "STALE_VERSION" });
    }
    const problem = adminRuleProblem({
      actorId: ctx.viewer.id,
      targetId: before.id,
      next: { role: input.role, disabled: input.disabled },
      activeAdminIds,
    });
    if (problem) throw new AppError(problem.code, problem.message, { fieldErrors: { [problem.field]: [problem.message] } });

    const isDisabled = before.disabledAt !== null;
    if (before.role === input.role && isDisabled === input.disabled && sameTeams(before, input.teamIds)) return before;

    await assertTeamsExist(tx, input.teamIds);
    await tx.membership.deleteMany({ where: { userId: before.id, teamId: { notIn: input.teamIds } } });
    await tx.membership.createMany({ data: input.teamIds.map((teamId) => ({ userId: before.id, teamId })), skipDuplicates: true });
    const after = toAdminUser(
      await tx.user.update({
        where: { id: before.id },
        data: {
          role: input.role,
          // Keep the original moment when someone stays disabled.
          disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null,
          // Always forward, even within one millisecond, so every save yields a new version.
          updatedAt: new Date(Math.max(Date.now(), before.updatedAt.getTime() + 1)),
          // A new role or a disabled account must not ride on sessions signed in under the old one.
          ...(before.role !== input.role || isDisabled !== input.disabled ? { sessionEpoch: { increment: 1 } } : {}),
        },
        select: userSelect,
      }),
    );
    await recordAudit(tx, ctx, {
      action: "user.updated",
      entityType: "user",
      entityId: before.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}
