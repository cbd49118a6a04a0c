import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { appError, createTeam, madeRowsForFile } from "@/lib/db/review-test-fixtures";
import { createService, getServiceBySlug, updateService } from "@/lib/db/services";
import { listServices } from "@/lib/db/services-table";
import { listTeamsForViewer } from "@/lib/db/teams";
import { getViewerById } from "@/lib/db/users";
import type { Role } from "@/lib/domain/types";
import { type AppError } from "@/lib/errors";
import type { ServiceInput } from "@/lib/schemas/service";

// Each test makes its own teams and people (random suffixes), so tests never share mutable rows and can run
// against a database that already holds other data. Audit events are append-only and stay behind.

const made = madeRowsForFile();

const suffix = () => randomUUID().slice(0, 8);

const makeTeam = (label = "team") => createTeam(label, made);

async function makeViewer(role: Role, teamIds: string[] = []): Promise<Viewer> {
  const s = suffix();
  const user = await db().user.create({
    data: { email: `${role.toLowerCase()}-${s}@test.invalid`, name: `${role} ${s}`, role },
    select: { id: true },
  });
  made.userIds.push(user.id);
  for (const teamId of teamIds) await db().membership.create({ data: { userId: user.id, teamId } });
  const viewer = await getViewerById(user.id);
  if (!viewer) throw new Error("test viewer was not created");
  return viewer;
}

function serviceFor(teamId: string, overrides: Partial<ServiceInput> = {}): ServiceInput {
  const s = suffix();
  return {
    name: `Service ${s}`,
    slug: `service-${s}`,
    description: "",
    teamId,
    tier: 2,
    lifecycle: "DEVELOPMENT",
    repositoryUrl: "https://git.example.com/service",
    runbookUrl: null,
    dashboardUrl: null,
    healthUrl: null,
    onCall: null,
    ...overrides,
  };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await appError(promise);
  expect(error.code).toBe(code);
  return error;
}

describe("createService", () => {
  it("creates the service and writes its audit event in the same transaction", async () => {
    const team = await makeTeam();
    const editor = await makeViewer("EDITOR", [team.id]);
    const input = serviceFor(team.id);

    const created = await createService({ viewer: editor, requestId: "req-create" }, input);

    const stored = await getServiceBySlug(input.slug);
    expect(stored).toMatchObject({ id: created.id, name: input.name, version: 1, team: { id: team.id }, reviews: [] });
    const events = await db().auditEvent.findMany({ where: { serviceId: created.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "service.created",
      entityType: "service",
      entityId: created.id,
      teamId: team.id,
      actorId: editor.id,
      requestId: "req-create",
      before: null,
    });
    expect(events[0]?.after).toMatchObject({ slug: input.slug, tier: 2, version: 1 });
  });

  it("refuses a slug another service already uses, with the error on the slug field", async () => {
    const team = await makeTeam();
    const editor = await makeViewer("EDITOR", [team.id]);
    const first = serviceFor(team.id);
    await createService({ viewer: editor }, first);

    const error = await expectAppError(createService({ viewer: editor }, serviceFor(team.id, { slug: first.slug })), "CONFLICT");
    expect(error.details?.fieldErrors).toEqual({ slug: [expect.any(String)] });
    expect(await db().service.count({ where: { slug: first.slug } })).toBe(1);
  });

  it("refuses an editor of another team, and a viewer, and writes nothing", async () => {
    const [team, otherTeam] = await Promise.all([makeTeam(), makeTeam("other")]);
    const outsider = await makeViewer("EDITOR", [otherTeam.id]);
    const reader = await makeViewer("VIEWER", [team.id]);
    const input = serviceFor(team.id);

    await expectAppError(createService({ viewer: outsider }, input), "FORBIDDEN");
    await expectAppError(createService({ viewer: reader }, input), "FORBIDDEN");
    expect(await db().service.count({ where: { slug: input.slug } })).toBe(0);
  });
});

describe("updateService", () => {
  it("saves an edit with the current version, bumps the version and audits before and after", async () => {
    const team = await makeTeam();
    const editor = await makeViewer("EDITOR", [team.id]);
    const input = serviceFor(team.id);
    const { id } = await createService({ viewer: editor }, input);

    const updated = await updateService({ viewer: editor }, id, { ...input, name: "Renamed", tier: 1, version: 1 });

    expect(updated.version).toBe(2);
    const event = await db().auditEvent.findFirst({ where: { serviceId: id, action: "service.updated" } });
    expect(event?.before).toMatchObject({ name: input.name, tier: 2, version: 1 });
    expect(event?.after).toMatchObject({ name: "Renamed", tier: 1, version: 2 });
  });

  it("refuses a stale version and leaves the stored row unchanged", async () => {
    const team = await makeTeam();
    const editor = await makeViewer("EDITOR", [team.id]);
    const input = serviceFor(team.id);
    const { id } = await createService({ viewer: editor }, input);
    await updateService({ viewer: editor }, id, { ...input, name: "First save", version: 1 });

    const error = await expectAppError(
      updateService({ viewer: editor }, id, { ...input, name: "Second save from an old form", version: 1 }),
      "CONFLICT",
    );
    expect(error.message).toMatch(/someone else changed this service/i);
    const stored = await getServiceBySlug(input.slug);
    expect(stored).toMatchObject({ name: "First save", version: 2 });
    expect(await db().auditEvent.count({ where: { serviceId: id, action: "service.updated" } })).toBe(1);
  });

  it("lets only one of two concurrent saves from the same version through", async () => {
    const team = await makeTeam();
    const editor = await makeViewer("EDITOR", [team.id]);
    const input = serviceFor(team.id);
    const { id } = await createService({ viewer: editor }, input);

    const results = await Promise.allSettled(
      ["Save A", "Save B"].map((name) => updateService({ viewer: editor }, id, { ...input, name, version: 1 })),
    );

    const saved = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(saved).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await getServiceBySlug(input.slug)).toMatchObject({ version: 2 });
  });

  it("refuses an editor of another team, and moving a service to a team the editor is not on", async () => {
    const [team, otherTeam] = await Promise.all([makeTeam(), makeTeam("other")]);
    const owner = await makeViewer("EDITOR", [team.id]);
    const outsider = await makeViewer("EDITOR", [otherTeam.id]);
    const input = serviceFor(team.id);
    const { id } = await createService({ viewer: owner }, input);

    expect(await listTeamsForViewer(owner)).toEqual([team]);
    await expectAppError(updateService({ viewer: outsider }, id, { ...input, name: "Hijacked", version: 1 }), "FORBIDDEN");
    await expectAppError(updateService({ viewer: owner }, id, { ...input, teamId: otherTeam.id, version: 1 }), "FORBIDDEN");
    expect(await getServiceBySlug(input.slug)).toMatchObject({ name: input.name, team: { id: team.id }, version: 1 });
  });

  it("answers NOT_FOUND for a service that does not exist", async () => {
    const team = await makeTeam();
    const admin = await makeViewer("ADMIN");
    await expectAppError(updateService({ viewer: admin }, randomUUID(), { ...serviceFor(team.id), version: 1 }), "NOT_FOUND");
  });
});

describe("listServices and getServiceBySlug", () => {
  it("filters by team, tier and search text in SQL, and paginates without overlap", async () => {
    const [team, otherTeam] = await Promise.all([makeTeam(), makeTeam("other")]);
    const admin = await makeViewer("ADMIN");
    const marker = suffix();
    for (const [i, tier] of ([1, 1, 2, 3, 3] as const).entries()) {
      await createService({ viewer: admin }, serviceFor(team.id, { name: `Alpha ${marker} ${i}`, tier }));
    }
    await createService({ viewer: admin }, serviceFor(otherTeam.id, { name: `Alpha ${marker} elsewhere`, tier: 1 }));
    await createService({ viewer: admin }, serviceFor(team.id, { name: `Unrelated ${suffix()}`, tier: 1 }));

    const byTeam = await listServices({ team: team.slug });
    expect(byTeam.total).toBe(6);
    expect(byTeam.items.every((s) => s.team.slug === team.slug)).toBe(true);

    const byTier = await listServices({ team: team.slug, tier: 1 });
    expect(byTier.items.map((s) => s.name).sort()).toEqual(
      [`Alpha ${marker} 0`, `Alpha ${marker} 1`, expect.stringMatching(/^Unrelated/)].sort(),
    );

    const bySearch = await listServices({ q: marker.toUpperCase() });
    expect(bySearch.total).toBe(6);
    expect(bySearch.items[0]).toMatchObject({ level: null, verdict: null, lastDecidedAt: null, team: { name: expect.any(String) } });

    const pages = await Promise.all([1, 2, 3].map((page) => listServices({ q: marker, team: team.slug, page, pageSize: 2 })));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages[0]).toMatchObject({ total: 5, pageCount: 3, page: 1, pageSize: 2 });
    const names = pages.flatMap((p) => p.items.map((s) => s.name));
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `Alpha ${marker} ${i}`));
  });

  it("lets a viewer read every service but create none", async () => {
    const team = await makeTeam();
    const editor = await makeViewer("EDITOR", [team.id]);
    const reader = await makeViewer("VIEWER");
    const input = serviceFor(team.id, { runbookUrl: "https://runbooks.example.com/x", onCall: "#oncall" });
    await createService({ viewer: editor }, input);

    expect(await getServiceBySlug(input.slug)).toMatchObject({ name: input.name, runbookUrl: input.runbookUrl, onCall: "#oncall" });
    expect((await listServices({ team: team.slug })).total).toBe(1);
    expect(await getServiceBySlug(`missing-${suffix()}`)).toBeNull();
    expect(await listTeamsForViewer(reader)).toEqual([]);
    await expectAppError(createService({ viewer: reader }, serviceFor(team.id)), "FORBIDDEN");
  });
});
