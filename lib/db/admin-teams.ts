import type { Viewer } from "@/lib/auth/permissions";
import { assertAdmin } from "@/lib/db/admin-users";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/review-access";
import { AppError, fromPrismaError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeamCreateInput, TeamRenameInput } from "@/lib/schemas/admin";
import { findPage, textSearch } from "@/lib/db/find-page";
import { pageRequest, type Paginated } from "@/lib/domain/pagination";

// Teams, as admins manage them: create and rename. A slug never changes once made, because shared links and
// filters (?team=payments) carry it; deleting teams is left out because services and reviews hang off them.

export type AdminTeam = { id: string; slug: string; name: string; memberCount: number; serviceCount: number; createdAt: Date };
export type AdminTeamList = Paginated<AdminTeam>;

const teamSelect = {
  id: true,
  slug: true,
  name: true,
  createdAt: true,
  _count: { select: { memberships: true, services: true } },
} as const satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

function toAdminTeam({ _count, ...row }: TeamRow): AdminTeam {
  return { ...row, memberCount: _count.memberships, serviceCount: _count.services };
}

export type ListTeamsOptions = { q?: string; page?: number; pageSize?: number };

export async function listTeamsForAdmin(viewer: Viewer, options: ListTeamsOptions = {}): Promise<AdminTeamList> {
  assertAdmin(viewer);
  const where: Prisma.TeamWhereInput = textSearch(options.q, ["name", "slug"]);
  return findPage(
    pageRequest(options, 25),
    {
      rows: (window) => db().team.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...window, select: teamSelect }),
      count: () => db().team.count({ where }),
    },
    toAdminTeam,
  );
}

export async function getTeamForAdmin(viewer: Viewer, id: string): Promise<AdminTeam | null> {
  assertAdmin(viewer);
  if (!isUuid(id)) return null;
  const row = await db().team.findUnique({ where: { id }, select: teamSelect });
  return row ? toAdminTeam(row) : null;
}

/** What the audit trail keeps of a team. */
function auditSnapshot(team: { slug: string; name: string }) {
  return { slug: team.slug, name: team.name };
}

const slugTaken = () =>
  new AppError("CONFLICT", "Another team already uses that slug", {
    fieldErrors: { slug: ["That slug is taken; choose another"] },
  });

export async function createTeamAsAdmin(ctx: AuditContext, input: TeamCreateInput): Promise<AdminTeam> {
  assertAdmin(ctx.viewer);
  try {
    return await db().$transaction(async (tx) => {
      const created = toAdminTeam(await tx.team.create({ data: { name: input.name, slug: input.slug }, select: teamSelect }));
      await recordAudit(tx, ctx, {
        action: "team.created",
        entityType: "team",
        entityId: created.id,
        teamId: created.id,
        after: auditSnapshot(created),
      });
      return created;
    });
  } catch (error) {
    // The slug is the team's only unique column besides its id.
    throw fromPrismaError(error)?.code === "CONFLICT" ? slugTaken() : error;
  }
}

export async function renameTeamAsAdmin(ctx: AuditContext, input: TeamRenameInput): Promise<AdminTeam> {
  assertAdmin(ctx.viewer);
  if (!isUuid(input.id)) throw new AppError("NOT_FOUND", "This team does not exist");
  return db().$transaction(async (tx) => {
    // Locked, so the audited `before` is the name actually replaced when two admins rename at once.
    await tx.$queryRaw`SELECT 1 FROM teams WHERE id = ${input.id}::uuid FOR UPDATE`;
    const row = await tx.team.findUnique({ where: { id: input.id }, select: teamSelect });
    if (!row) throw new AppError("NOT_FOUND", "This team does not exist");
    if (row.name === input.name) return toAdminTeam(row);
    const after = await tx.team.update({ where: { id: input.id }, data: { name: input.name }, select: teamSelect });
    await recordAudit(tx, ctx, {
      action: "team.updated",
      entityType: "team",
      entityId: input.id,
      teamId: input.id,
      before: auditSnapshot(row),
      after: auditSnapshot(after),
    });
    return toAdminTeam(after);
  });
}
