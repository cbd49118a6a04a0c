import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { createTeamAsAdmin, listTeamsForAdmin, renameTeamAsAdmin } from "@/lib/db/admin-teams";
import {
  adminRuleProblem,
  createUserAsAdmin,
  getUserForAdmin,
  listUsersForAdmin,
  STALE_USER_MESSAGE,
  updateUserAsAdmin,
} from "@/lib/db/admin-users";
import { closeDb, db } from "@/lib/db/client";
import { createTeam } from "@/lib/db/review-test-fixtures";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { getTierTargetsSetting, saveTierTargets } from "@/lib/db/settings";
import { getViewerById } from "@/lib/db/users";
import { parseTierTargets } from "@/lib/domain/targets";
import type { Role } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { teamCreateInput, tierTargetsInput, userUpdateInput } from "@/lib/schemas/admin";

// The database is shared with other tests (and people), so every test makes its own users and teams with random
// suffixes and never assumes it knows every admin. Audit events are append-only and stay behind.

const made = { teamIds: [] as string[], userIds: [] as string[] };
const suffix = () => randomUUID().slice(0, 8);

const makeTeam = (label = "team") => createTeam(label, made);

/** Inserted with SQL, so updated_at carries microseconds exactly as rows made outside Prisma do. */
async function makeUser(role: Role, teamIds: string[] = []) {
  const s = suffix();
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO users (email, name, role) VALUES (${`admin-test-${s}@test.invalid`}, ${`Admin test ${s}`}, ${role}::"Role") RETURNING id::text`;
  const id = rows[0]!.id;
  made.userIds.push(id);
  for (const teamId of teamIds) await db().membership.create({ data: { userId: id, teamId } });
  return id;
}

async function makeViewer(role: Role, teamIds: string[] = []): Promise<Viewer> {
  const viewer = await getViewerById(await makeUser(role, teamIds));
  if (!viewer) throw new Error("test viewer was not created");
  return viewer;
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function loadForEdit(admin: Viewer, id: string) {
  const user = await getUserForAdmin(admin, id);
  if (!user) throw new Error("user not found");
  return user;
}

afterAll(async () => {
  await db().user.deleteMany({ where: { id: { in: made.userIds } } });
  await db().team.deleteMany({ where: { id: { in: made.teamIds } } });
  await closeDb();
});

describe("adminRuleProblem", () => {
  const cases: {
    name: string;
    actorId: string;
    targetId: string;
    role: Role;
    disabled: boolean;
    admins: string[];
    expected: string | null;
  }[] = [
    {
      name: "an admin changes another person",
      actorId: "a",
      targetId: "x",
      role: "EDITOR",
      disabled: false,
      admins: ["a"],
      expected: null,
    },
    {
      name: "an admin demotes another admin while a third remains",
      actorId: "a",
      targetId: "b",
      role: "VIEWER",
      disabled: false,
      admins: ["a", "b"],
      expected: null,
    },
    {
      name: "an admin demotes themselves",
      actorId: "a",
      targetId: "a",
      role: "APPROVER",
      disabled: false,
      admins: ["a", "b"],
      expected: "VALIDATION:role",
    },
    {
      name: "an admin disables themselves",
      actorId: "a",
      targetId: "a",
      role: "ADMIN",
      disabled: true,
      admins: ["a", "b"],
      expected: "VALIDATION:disabled",
    },
    {
      name: "an admin changes their own teams",
      actorId: "a",
      targetId: "a",
      role: "ADMIN",
      disabled: false,
      admins: ["a"],
      expected: null,
    },
    {
      name: "the last active admin is demoted",
      actorId: "gone",
      targetId: "b",
      role: "EDITOR",
      disabled: false,
      admins: ["b"],
      expected: "CONFLICT:role",
    },
    {
      name: "the last active admin is disabled",
      actorId: "gone",
      targetId: "b",
      role: "ADMIN",
      disabled: true,
      admins: ["b"],
      expected: "CONFLICT:disabled",
    },
    {
      name: "a disabled admin is demoted (not active, so not counted)",
      actorId: "a",
      targetId: "c",
      role: "VIEWER",
      disabled: true,
      admins: ["a"],
      expected: null,
    },
  ];
  it.each(cases)("$name", ({ actorId, targetId, role, disabled, admins, expected }) => {
    const problem = adminRuleProblem({ actorId, targetId, next: { role, disabled }, activeAdminIds: admins });
    expect(problem ? `${problem.code}:${problem.field}` : null).toBe(expected);
  });
});

describe("updateUserAsAdmin", () => {
  it("changes role and memberships together, moves the version and audits before and after", async () => {
    const [keep, drop, add] = await Promise.all([makeTeam("keep"), makeTeam("drop"), makeTeam("add")]);
    const admin = await makeViewer("ADMIN");
    const targetId = await makeUser("VIEWER", [keep.id, drop.id]);
    const loaded = await loadForEdit(admin, targetId);

    const saved = await updateUserAsAdmin(
      { viewer: admin, requestId: "req-admin-update" },
      { id: targetId, expectedUpdatedAt: loaded.updatedAt, role: "EDITOR", teamIds: [keep.id, add.id], disabled: false },
    );

    expect(saved.role).toBe("EDITOR");
    expect(saved.teams.map((t) => t.id).sort()).toEqual([keep.id, add.id].sort());
    expect(saved.updatedAt.getTime()).toBeGreaterThan(loaded.updatedAt.getTime());
    expect((await getViewerById(targetId))?.teamIds.slice().sort()).toEqual([keep.id, add.id].sort());
    const events = await db().auditEvent.findMany({ where: { entityType: "user", entityId: targetId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.updated", actorId: admin.id, requestId: "req-admin-update" });
    expect(events[0]?.before).toMatchObject({ role: "VIEWER", teamIds: [keep.id, drop.id].sort(), disabledAt: null });
    expect(events[0]?.after).toMatchObject({ role: "EDITOR", teamIds: [keep.id, add.id].sort(), disabledAt: null });
  });

  it("disables and enables an account; a disabled person is no longer a viewer", async () => {
    const admin = await makeViewer("ADMIN");
    const targetId = await makeUser("EDITOR");
    const first = await loadForEdit(admin, targetId);
    const disabled = await updateUserAsAdmin(
      { viewer: admin },
      { id: targetId, expectedUpdatedAt: first.updatedAt, role: "EDITOR", teamIds: [], disabled: true },
    );
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(await getViewerById(targetId)).toBeNull();

    const enabled = await updateUserAsAdmin(
      { viewer: admin },
      { id: targetId, expectedUpdatedAt: disabled.updatedAt, role: "EDITOR", teamIds: [], disabled: false },
    );
    expect(enabled.disabledAt).toBeNull();
    expect(await getViewerById(targetId)).not.toBeNull();
  });

  it("refuses a save based on an old version with the reload message, and changes nothing", async () => {
    const admin = await makeViewer("ADMIN");
    const targetId = await makeUser("VIEWER");
    const loaded = await loadForEdit(admin, targetId);
    await updateUserAsAdmin(
      { viewer: admin },
      { id: targetId, expectedUpdatedAt: loaded.updatedAt, role: "EDITOR", teamIds: [], disabled: false },
    );

    const error = await expectAppError(
      updateUserAsAdmin(
        { viewer: admin },
        { id: targetId, expectedUpdatedAt: loaded.updatedAt, role: "APPROVER", teamIds: [], disabled: false },
      ),
      "CONFLICT",
    );
    expect(error.message).toBe(STALE_USER_MESSAGE);
    expect(error.details?.reason).toBe("STALE_VERSION");
    expect((await loadForEdit(admin, targetId)).role).toBe("EDITOR");
  });

  it("refuses an admin demoting or disabling themselves, with the error on the field", async () => {
    const team = await makeTeam();
    const admin = await makeViewer("ADMIN");
    const self = await loadForEdit(admin, admin.id);

    const demote = await expectAppError(
      updateUserAsAdmin(
        { viewer: admin },
        { id: admin.id, expectedUpdatedAt: self.updatedAt, role: "APPROVER", teamIds: [team.id], disabled: false },
      ),
      "VALIDATION",
    );
    expect(demote.message).toMatch(/your own admin role/);
    expect(demote.details?.fieldErrors).toEqual({ role: [demote.message] });
    const disable = await expectAppError(
      updateUserAsAdmin({ viewer: admin }, { id: admin.id, expectedUpdatedAt: self.updatedAt, role: "ADMIN", teamIds: [], disabled: true }),
      "VALIDATION",
    );
    expect(disable.details?.fieldErrors).toEqual({ disabled: [disable.message] });

    const after = await loadForEdit(admin, admin.id);
    expect(after).toMatchObject({ role: "ADMIN", disabledAt: null, teams: [] });
    expect(await db().auditEvent.count({ where: { entityType: "user", entityId: admin.id } })).toBe(0);

    // Their own teams are theirs to change.
    const withTeam = await updateUserAsAdmin(
      { viewer: admin },
      { id: admin.id, expectedUpdatedAt: self.updatedAt, role: "ADMIN", teamIds: [team.id], disabled: false },
    );
    expect(withTeam.teams.map((t) => t.id)).toEqual([team.id]);
  });

  it("refuses non-admins, and an admin who was demoted after their session was read", async () => {
    const editor = await makeViewer("EDITOR");
    const staleAdmin = await makeViewer("ADMIN");
    const targetId = await makeUser("VIEWER");
    const loaded = await loadForEdit(staleAdmin, targetId);
    const change = { id: targetId, expectedUpdatedAt: loaded.updatedAt, role: "ADMIN" as const, teamIds: [], disabled: false };

    await expectAppError(updateUserAsAdmin({ viewer: editor }, change), "FORBIDDEN");
    await expectAppError(listUsersForAdmin(editor), "FORBIDDEN");
    await db().user.update({ where: { id: staleAdmin.id }, data: { role: "EDITOR" } });
    await expectAppError(updateUserAsAdmin({ viewer: staleAdmin }, change), "FORBIDDEN");
    expect((await db().user.findUniqueOrThrow({ where: { id: targetId } })).role).toBe("VIEWER");
  });

  it("reads the version form field as the exact millisecond it was given", () => {
    const parsed = userUpdateInput.parse({
      id: randomUUID(),
      expectedUpdatedAt: "2025-01-02T03:04:05.678Z",
      role: "EDITOR",
      teamIds: undefined,
    });
    expect(parsed).toMatchObject({ role: "EDITOR", teamIds: [], disabled: false });
    expect(parsed.expectedUpdatedAt.getTime()).toBe(Date.parse("2025-01-02T03:04:05.678Z"));
  });
});

describe("createUserAsAdmin and listUsersForAdmin", () => {
  it("invites a user with teams, audits it, finds them by email, and refuses the same email in any case", async () => {
    const team = await makeTeam();
    const admin = await makeViewer("ADMIN");
    const email = `invited-${suffix()}@test.invalid`;
    const created = await createUserAsAdmin({ viewer: admin }, { email, name: "Invited Person", role: "APPROVER", teamIds: [team.id] });
    made.userIds.push(created.id);

    expect(created).toMatchObject({ email, role: "APPROVER", isInvited: true, teams: [{ id: team.id }] });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityType: "user", entityId: created.id } });
    expect(event).toMatchObject({ action: "user.created", actorId: admin.id, before: null });
    expect(event.after).toMatchObject({ email, role: "APPROVER", teamIds: [team.id] });

    const found = await listUsersForAdmin(admin, { q: email.slice(0, 16).toUpperCase() });
    expect(found.items.map((u) => u.id)).toEqual([created.id]);
    expect(found.total).toBe(1);

    const error = await expectAppError(
      createUserAsAdmin({ viewer: admin }, { email: email.toUpperCase(), name: "Someone Else", role: "VIEWER", teamIds: [] }),
      "CONFLICT",
    );
    expect(error.details?.fieldErrors).toEqual({ email: [expect.any(String)] });
    await expectAppError(
      createUserAsAdmin({ viewer: await makeViewer("APPROVER") }, { email: `x-${email}`, name: "X", role: "ADMIN", teamIds: [] }),
      "FORBIDDEN",
    );
    expect(await db().user.count({ where: { email: `x-${email}` } })).toBe(0);
  });
});

describe("teams", () => {
  it("creates a team, refuses a taken slug on the slug field, renames with an audit trail", async () => {
    const admin = await makeViewer("ADMIN");
    const input = teamCreateInput.parse({ name: `Payments ${suffix()}`, slug: "" });
    expect(input.slug).toMatch(/^payments-[a-z0-9]+$/);
    const team = await createTeamAsAdmin({ viewer: admin }, input);
    made.teamIds.push(team.id);

    const taken = await expectAppError(createTeamAsAdmin({ viewer: admin }, { name: "Copycat", slug: input.slug }), "CONFLICT");
    expect(taken.details?.fieldErrors).toEqual({ slug: [expect.any(String)] });
    expect(teamCreateInput.safeParse({ name: "Bad", slug: "Not Kebab" }).success).toBe(false);
    await expectAppError(
      createTeamAsAdmin({ viewer: await makeViewer("EDITOR") }, { name: "Nope", slug: `nope-${suffix()}` }),
      "FORBIDDEN",
    );

    const renamed = await renameTeamAsAdmin({ viewer: admin }, { id: team.id, name: `${input.name} renamed` });
    expect(renamed).toMatchObject({ slug: input.slug, name: `${input.name} renamed`, memberCount: 0, serviceCount: 0 });
    const actions = await db().auditEvent.findMany({ where: { entityType: "team", entityId: team.id }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["team.created", "team.updated"]);
    expect(actions[1]?.before).toEqual({ slug: input.slug, name: input.name });
    expect((await listTeamsForAdmin(admin, { q: input.slug })).items.map((t) => t.name)).toEqual([`${input.name} renamed`]);
  });
});

describe("tier targets", () => {
  it("validates the form and the stored value", async () => {
    expect(tierTargetsInput.parse({ tier1: "4", tier2: "2", tier3: "1" })).toEqual({ 1: 4, 2: 2, 3: 1 });
    const bad = tierTargetsInput.safeParse({ tier1: "5", tier2: "", tier3: "1" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["tier1", "tier2"]);
    // The stored shape is the domain parser's to check; the form's schema runs it, so lib/db gets valid targets.
    expect(parseTierTargets({ "1": 5, "2": 2, "3": 1 }).ok).toBe(false);
    expect(parseTierTargets({ "1": 3, "2": 2 }).ok).toBe(false);
    await expectAppError(saveTierTargets({ viewer: await makeViewer("APPROVER") }, { "1": 3, "2": 2, "3": 1 }), "FORBIDDEN");
  });

  it('saves the mapping as {"1":…} with an audit event, and restores what was there', async () => {
    const admin = await makeViewer("ADMIN");
    // Other tests read this setting: put back exactly what was there, even when an assertion fails.
    const previous = await db().setting.findUnique({ where: { key: "tierTargets" }, select: { value: true } });
    try {
      await saveTierTargets({ viewer: admin, requestId: "req-tiers" }, { 1: 4, 2: 3, 3: 1 });
      const stored = await db().setting.findUniqueOrThrow({ where: { key: "tierTargets" }, select: { value: true } });
      expect(stored.value).toEqual({ "1": 4, "2": 3, "3": 1 });
      expect(await loadTierTargets(db())).toEqual({ 1: 4, 2: 3, 3: 1 });
      expect(await getTierTargetsSetting(admin)).toMatchObject({ source: "saved", targets: { 1: 4, 2: 3, 3: 1 } });
      const event = await db().auditEvent.findFirstOrThrow({
        where: { action: "settings.tierTargets.updated", requestId: "req-tiers", actorId: admin.id },
      });
      expect(event).toMatchObject({ entityType: "setting", entityId: "tierTargets", after: { "1": 4, "2": 3, "3": 1 } });
      expect(event.before).toEqual(previous?.value ?? null);
    } finally {
      if (previous) {
        await db().setting.update({ where: { key: "tierTargets" }, data: { value: previous.value as Prisma.InputJsonValue } });
      } else {
        await db().setting.deleteMany({ where: { key: "tierTargets" } });
      }
    }
    expect((await db().setting.findUnique({ where: { key: "tierTargets" }, select: { value: true } }))?.value).toEqual(previous?.value);
  });
});
