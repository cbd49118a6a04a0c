import { describe, expect, it } from "vitest";
import { sessionHolderEnd } from "@/lib/auth/session-policy";
import { getUserForAdmin, updateUserAsAdmin } from "@/lib/db/admin-users";
import { db } from "@/lib/db/client";
import { appError, createTeam, createViewer, ctxOf, madeRowsForFile } from "@/lib/db/review-test-fixtures";
import { endAllSessions, endSessionsOnSignOut, getSessionUser } from "@/lib/db/users";

// Sessions end on the server: each person has a session epoch, every session token carries the epoch it was
// issued in, and a token whose epoch is behind is no longer a session.

const made = madeRowsForFile();

async function epochOf(userId: string): Promise<number> {
  const user = await getSessionUser(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user.holder.sessionEpoch;
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ where: { entityType: "user", entityId: userId }, orderBy: { id: "asc" } });
  return rows.map((r) => r.action);
}

describe("ending sessions", () => {
  it("signs a person out everywhere: sessions issued before no longer count, and it is audited", async () => {
    const person = await createViewer("EDITOR", [], "sessions", made);
    const issuedIn = await epochOf(person.id);
    await endAllSessions(ctxOf(person), person.id);
    const now = await getSessionUser(person.id);
    expect(sessionHolderEnd({ epoch: issuedIn }, now!.holder)).toBe("REVOKED");
    expect(sessionHolderEnd({ epoch: issuedIn + 1 }, now!.holder)).toBeNull();
    expect(await auditActions(person.id)).toEqual(["user.sessions_ended"]);
  });

  it("lets an admin sign someone else out, but nobody else", async () => {
    const admin = await createViewer("ADMIN", [], "sessions-admin", made);
    const approver = await createViewer("APPROVER", [], "sessions-other", made);
    const target = await createViewer("VIEWER", [], "sessions-target", made);
    const before = await epochOf(target.id);
    expect((await appError(endAllSessions(ctxOf(approver), target.id))).code).toBe("FORBIDDEN");
    expect(await epochOf(target.id)).toBe(before);
    await endAllSessions(ctxOf(admin), target.id);
    expect(await epochOf(target.id)).toBe(before + 1);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityType: "user", entityId: target.id, action: "user.sessions_ended" },
    });
    expect(audit.actorId).toBe(admin.id);
  });

  it("ends every session on sign-out, but an already revoked session cannot end the newer ones", async () => {
    const person = await createViewer("VIEWER", [], "sessions-signout", made);
    const epoch = await epochOf(person.id);
    await endSessionsOnSignOut(person.id, epoch, "req-signout");
    expect(await epochOf(person.id)).toBe(epoch + 1);
    await endSessionsOnSignOut(person.id, epoch, "req-stale");
    expect(await epochOf(person.id)).toBe(epoch + 1);
    expect(await auditActions(person.id)).toEqual(["user.signed_out"]);
  });

  it("ends a person's sessions when an admin changes their role or disables them, not when only teams change", async () => {
    const admin = await createViewer("ADMIN", [], "sessions-admin", made);
    const team = await createTeam("sessions", made);
    const target = await createViewer("EDITOR", [], "sessions-role", made);
    const update = async (change: { role?: "EDITOR" | "VIEWER"; teamIds?: string[]; disabled?: boolean }) => {
      const current = (await getUserForAdmin(admin, target.id))!;
      await updateUserAsAdmin(ctxOf(admin), {
        id: target.id,
        expectedUpdatedAt: current.updatedAt,
        role: change.role ?? current.role,
        teamIds: change.teamIds ?? current.teams.map((t) => t.id),
        disabled: change.disabled ?? current.disabledAt !== null,
      });
    };
    const start = await epochOf(target.id);
    await update({ teamIds: [team.id] });
    expect(await epochOf(target.id)).toBe(start);
    await update({ role: "VIEWER" });
    expect(await epochOf(target.id)).toBe(start + 1);
    await update({ disabled: true });
    expect(await epochOf(target.id)).toBe(start + 2);
    expect((await getSessionUser(target.id))?.viewer).toBeNull();
  });
});
