import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditContext } from "@/lib/db/audit";
import { closeDb, db } from "@/lib/db/client";
import { startReview } from "@/lib/db/reviews";
import { refreshServiceSummary } from "@/lib/db/service-summary";
import { todayUtc } from "@/lib/db/review-access";
import { getTemplate, installDefaultTemplate, installTemplate, getLatestTemplateId, type TemplateDto } from "@/lib/db/templates";
import { DEFAULT_TEMPLATE } from "@/lib/domain/default-template";
import { addDays } from "@/lib/domain/days";
import type { Role, TeamRef, Tier, Verdict } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startReviewInput } from "@/lib/schemas/review";

// Integration-test factories and helpers: every test gets its own teams, people and service (random suffixes),
// so tests never share mutable rows and can run against a database that already holds data.

function suffix(): string {
  return randomUUID().slice(0, 8);
}

/** The AppError a promise rejected with; fails the test when it resolved or threw something else. */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Ids of the rows a test file made, for files that delete them again after their tests (deleteMadeRows). */
export type MadeRows = { teamIds: string[]; userIds: string[] };

export async function deleteMadeRows(made: MadeRows): Promise<void> {
  // Reviews, waivers and meeting outcomes go with their services (ON DELETE CASCADE).
  await db().service.deleteMany({ where: { teamId: { in: made.teamIds } } });
  await db().team.deleteMany({ where: { id: { in: made.teamIds } } });
  await db().user.deleteMany({ where: { id: { in: made.userIds } } });
}

/** The rows a test file makes, deleted after the file's tests, when the file's database client is closed too. */
export function madeRowsForFile(): MadeRows {
  const made: MadeRows = { teamIds: [], userIds: [] };
  afterAll(async () => {
    await deleteMadeRows(made);
    await closeDb();
  });
  return made;
}

/** A team with a unique slug; pass `made` to have it deleted with deleteMadeRows. */
export async function createTeam(label = "team", made?: MadeRows): Promise<TeamRef> {
  const slug = `${label}-${suffix()}`;
  const team = await db().team.create({ data: { slug, name: `Team ${slug}` }, select: { id: true, name: true, slug: true } });
  made?.teamIds.push(team.id);
  return team;
}

/** A person with a unique email and the given memberships; pass `made` to have them deleted with deleteMadeRows. */
export async function createViewer(role: Role, teamIds: string[] = [], label = role.toLowerCase(), made?: MadeRows): Promise<Viewer> {
  const email = `${label}-${suffix()}@test.shipshape.local`;
  const user = await db().user.create({
    data: { email, name: `${label} ${email.slice(0, 12)}`, role, memberships: { create: teamIds.map((teamId) => ({ teamId })) } },
    select: { id: true, email: true, name: true, role: true },
  });
  made?.userIds.push(user.id);
  return { ...user, teamIds };
}

export async function createService(teamId: string, tier: Tier = 3): Promise<{ id: string; slug: string }> {
  const slug = `svc-${suffix()}`;
  return db().service.create({ data: { slug, name: `Service ${slug}`, teamId, tier }, select: { id: true, slug: true } });
}

type ReviewSummaryColumns =
  | "targetLevel"
  | "applicableCount"
  | "metCount"
  | "naCount"
  | "waivedCount"
  | "partialCount"
  | "notMetCount"
  | "unansweredCount"
  | "openBlockerCount";

export type DecidedReviewData = {
  serviceId: string;
  templateId: string;
  decidedAt: Date;
  level: number;
  computedVerdict: Verdict;
  decision: Verdict | null;
} & Partial<Pick<Prisma.ReviewUncheckedCreateInput, ReviewSummaryColumns>>;

/**
 * A decided quarterly review written straight to the table (no answers), with summary counts (10 applicable:
 * 8 met, 1 partial, 1 not met, no open blocker unless given), then the services row refreshed exactly as the
 * deciding transaction does. For reading code (portfolio, agenda) that only looks at decided summaries.
 */
export async function createDecidedReview(data: DecidedReviewData): Promise<string> {
  const review = await db().review.create({
    data: {
      trigger: "QUARTERLY",
      status: "DECIDED",
      applicableCount: 10,
      metCount: 8,
      partialCount: 1,
      notMetCount: 1,
      openBlockerCount: 0,
      ...data,
    },
    select: { id: true },
  });
  await refreshServiceSummary(db(), data.serviceId);
  return review.id;
}

/** A waiver written straight to the table on `itemId` of the review's template, with placeholder texts. */
export async function createWaiverRow(data: {
  reviewId: string;
  itemId: string;
  expiresOn: string;
  status: "APPROVED" | "PENDING";
}): Promise<void> {
  await db().waiver.create({
    data: { ...data, reason: "r", compensatingControl: "c", riskOwner: "o", expiresOn: new Date(`${data.expiresOn}T00:00:00Z`) },
  });
}

/** The latest checklist template (the default one is installed first if missing) and one of its items. */
export async function latestTemplateItem(): Promise<{ templateId: string; itemId: string }> {
  await installDefaultTemplate();
  const templateId = (await getLatestTemplateId()) ?? "";
  const item = await db().checklistItem.findFirstOrThrow({ where: { templateId }, select: { id: true } });
  return { templateId, itemId: item.id };
}

/** latestTemplateItem, read once before the file's tests: read its fields inside tests, not at the top level. */
export function templateItemForFile(): { templateId: string; itemId: string } {
  const item = { templateId: "", itemId: "" };
  beforeAll(async () => {
    Object.assign(item, await latestTemplateItem());
  });
  return item;
}

/** An admin who is not on record, for reads that show e-mail addresses only to admins (no row is needed for that). */
export const ADMIN_READER: Viewer = {
  id: "00000000-0000-4000-8000-00000000ad01",
  email: "admin-reader@test.shipshape.local",
  name: "Admin reader",
  role: "ADMIN",
  teamIds: [],
};

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
  const review = await startReview(ctxOf(editor), service.id, startReviewInput.parse({ trigger: "FIRST_DEPLOY" }));
  return { teamId: team.id, serviceId: service.id, template, editor, otherEditor, approver, insideApprover, viewer, reviewId: review.id };
}

/** Item keys applicable to the tier, in template order; `blockers` picks only blocker items. */
export function itemKeys(template: TemplateDto, tier: Tier, options: { blockers?: boolean } = {}): string[] {
  return template.items
    .filter((item) => item.tiers.includes(tier) && (options.blockers === undefined || item.isBlocker === options.blockers))
    .map((item) => item.key);
}

/** An item of the older template that the default template does not have. */
export const RETIRED_ITEM_KEY = "retired.fax-alerts";

/** A template like an older version of the default: every default item plus one the default no longer has. */
async function olderTemplate(): Promise<string> {
  const { id } = await installTemplate({
    ...DEFAULT_TEMPLATE,
    key: `older-${randomUUID().slice(0, 8)}`,
    concerns: [
      ...DEFAULT_TEMPLATE.concerns,
      {
        key: "retired",
        title: "Retired",
        kind: "REVIEW_AREA",
        description: "",
        items: [
          {
            key: RETIRED_ITEM_KEY,
            title: "Fax alerts",
            guidance: "Faxes reach on-call.",
            level: 1,
            isBlocker: false,
            tiers: [1, 2, 3],
            sourceLine: "fax",
          },
        ],
      },
    ],
  });
  return id;
}

/** A decided review on the older template: every item met with one evidence link, and an approved waiver. */
export async function createDecidedReviewWithAnswers(serviceId: string, answeredById: string): Promise<string> {
  const templateId = await olderTemplate();
  const items = await db().checklistItem.findMany({ where: { templateId }, select: { id: true, key: true } });
  const review = await db().review.create({
    data: { serviceId, templateId, trigger: "QUARTERLY", status: "DECIDED", decidedAt: new Date(Date.now() - 86_400_000), decision: "GO" },
    select: { id: true },
  });
  for (const item of items) {
    await db().answer.create({
      data: {
        reviewId: review.id,
        itemId: item.id,
        status: "MET",
        note: `as before: ${item.key}`,
        answeredById,
        evidence: { create: [{ url: `https://evidence.example/${item.key}`, title: `Proof of ${item.key}`, kind: "DASHBOARD" }] },
      },
    });
  }
  const waived = items.find((item) => item.key === "logging.log-levels")!;
  await db().waiver.create({
    data: {
      reviewId: review.id,
      itemId: waived.id,
      reason: "r",
      compensatingControl: "c",
      riskOwner: "o",
      status: "APPROVED",
      expiresOn: new Date(`${addDays(todayUtc(), 30)}T00:00:00Z`),
    },
  });
  return review.id;
}
