import bcrypt from "bcryptjs";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/types";

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

/** The signed-in person as the rest of the app sees them; null when unknown or disabled. */
export async function getViewerById(id: string): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return toViewer(await db().user.findUnique({ where: { id }, select: viewerSelect }));
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
