import { can, type Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type TeamDto = { id: string; slug: string; name: string };

/** Teams by name (these ones, or every team), as the pages' filters read them and the bench floor measures them. */
export function teamsSql(ids?: readonly string[]): Prisma.Sql {
  const where = ids ? Prisma.sql`WHERE id = ANY(${[...ids]}::uuid[])` : Prisma.empty;
  return Prisma.sql`SELECT id::text AS id, slug, name FROM teams ${where} ORDER BY name, id`;
}

/** Every team, by name: for filters and for reading the whole portfolio. */
export async function listTeams(): Promise<TeamDto[]> {
  return db().$queryRaw<TeamDto[]>(teamsSql());
}

/** The teams this viewer may create services for: every team for an admin, their own teams for an editor or above. */
export async function listTeamsForViewer(viewer: Viewer): Promise<TeamDto[]> {
  if (can(viewer, { type: "admin" })) return listTeams();
  if (viewer.teamIds.length === 0) return [];
  const teams = await db().$queryRaw<TeamDto[]>(teamsSql(viewer.teamIds));
  // can() stays the single source of truth, so a viewer (read-only) gets no teams even when they have memberships.
  return teams.filter((team) => can(viewer, { type: "service:create", teamId: team.id }));
}
