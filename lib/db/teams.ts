import { can, type Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export type TeamDto = { id: string; slug: string; name: string };

const teamSelect = { id: true, slug: true, name: true } as const;

/** Every team, by name: for filters and for reading the whole portfolio. */
export async function listTeams(): Promise<TeamDto[]> {
  return db().team.findMany({ select: teamSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** The teams this viewer may create services for: every team for an admin, their own teams for an editor or above. */
export async function listTeamsForViewer(viewer: Viewer): Promise<TeamDto[]> {
  if (can(viewer, { type: "admin" })) return listTeams();
  if (viewer.teamIds.length === 0) return [];
  const teams = await db().team.findMany({
    where: { id: { in: [...viewer.teamIds] } },
    select: teamSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  // can() stays the single source of truth, so a viewer (read-only) gets no teams even when they have memberships.
  return teams.filter((team) => can(viewer, { type: "service:create", teamId: team.id }));
}
