import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/permissions";

export async function getViewerByApiToken(tokenHash: string): Promise<Viewer | null> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, memberships: { select: { teamId: true } } } },
    },
  });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  // Record use at most once a minute: the token table is not a request log.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  }
  const u = row.user;
  return { id: u.id, email: u.email, name: u.name, role: u.role, teamIds: u.memberships.map((m) => m.teamId) };
}
