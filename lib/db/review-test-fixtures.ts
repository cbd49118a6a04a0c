import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { startReview } from "@/lib/db/reviews";
import { getTemplate, installDefaultTemplate, getLatestTemplateId, type TemplateDto } from "@/lib/db/templates";
import type { Role, Tier } from "@/lib/domain/types";

// Integration-test factories: every test gets its own teams, people and service (random suffixes),
// so tests never share mutable rows and can run against a database that already holds data.

function suffix(): string {
  return randomUUID().slice(0, 8);
}

export async function createTeam(label = "team"): Promise<{ id: string; slug: string }> {
  const slug = `${label}-${suffix()}`;
  return db().team.create({ data: { slug, name: `Team ${slug}` }, select: { id: true, slug: true } });
}

export async function createViewer(role: Role, teamIds: string[] = [], label = role.toLowerCase()): Promise<Viewer> {
  const email = `${label}-${suffix()}@test.shipshape.local`;
  const user = await db().user.create({
    data: { email, name: `${label} ${email.slice(0, 12)}`, role, memberships: { create: teamIds.map((teamId) => ({ teamId })) } },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, teamIds };
}

export async function createService(teamId: string, tier: Tier = 3): Promise<{ id: string; slug: string }> {
  const slug = `svc-${suffix()}`;
  return db().service.create({ data: { slug, name: `Service ${slug}`, teamId, tier }, select: { id: true, slug: true } });
}

export function ctxOf(viewer: Viewer): AuditContext {
  return { viewer, requestId: `test-${suffix()}` };
}

export type ReviewWorld = {
  teamId: string;
  serviceId: string;
  template: TemplateDto;
  editor: Viewer;
  otherEditor: Viewer;
  approver: Viewer;
  insideApprover: Viewer;
  viewer: Viewer;
  reviewId: string;
};

/** One owning team with an editor and an approver on it, an outsider editor, an outside approver and a draft review. */
export async function createReviewWorld(tier: Tier = 3): Promise<ReviewWorld> {
  await installDefaultTemplate();
  const templateId = await getLatestTemplateId();
  const template = templateId ? await getTemplate(templateId) : null;
  if (!template) throw new Error("default template missing");
  const team = await createTeam("owners");
  const other = await createTeam("others");
  const [editor, otherEditor, approver, insideApprover, viewer] = await Promise.all([
    createViewer("EDITOR", [team.id], "editor"),
    createViewer("EDITOR", [other.id], "other-editor"),
    createViewer("APPROVER", [other.id], "approver"),
    createViewer("APPROVER", [team.id], "inside-approver"),
    createViewer("VIEWER", [], "viewer"),
  ]);
  const service = await createService(team.id, tier);
  const review = await startReview(ctxOf(editor), service.id, { trigger: "FIRST_DEPLOY" });
  return { teamId: team.id, serviceId: service.id, template, editor, otherEditor, approver, insideApprover, viewer, reviewId: review.id };
}

/** Item keys applicable to the tier, in template order; `blockers` picks only blocker items. */
export function itemKeys(template: TemplateDto, tier: Tier, options: { blockers?: boolean } = {}): string[] {
  return template.items
    .filter((item) => item.tiers.includes(tier) && (options.blockers === undefined || item.isBlocker === options.blockers))
    .map((item) => item.key);
}
