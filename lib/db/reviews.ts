import { can, type Viewer } from "@/lib/auth/permissions";
import { listAuditForReview, recordAudit, type AuditContext, type AuditEventDto } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { dayToDate, isoDay, isUuid } from "@/lib/db/review-access";
import { carryForward, findCarrySource } from "@/lib/db/carry-forward";
import { getLatestTemplateId } from "@/lib/db/templates";
import type { ReviewStatus, ReviewTrigger, Verdict } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { REVIEWS_PAGE_SIZE, type StartReviewInput } from "@/lib/schemas/review";
import { findPage } from "@/lib/db/find-page";
import { pageRequest, type Paginated } from "@/lib/domain/pagination";

// Starting and listing reviews. Reads are open to every signed-in person (they take no viewer; the caller
// authenticates), except where the answer depends on who asks; writes ask can(). The overview read lives in review-view.ts,
// and answer, evidence, waiver and decision writes in their own files beside this one.

export { getReviewView, type ReviewView, type ReviewEvaluationView } from "@/lib/db/review-view";

const OPEN_STATUSES: ReviewStatus[] = ["DRAFT", "SUBMITTED"];

export type StartedReview = { id: string; templateId: string; version: number; carriedFromReviewId: string | null };

const REVIEWERS_MESSAGE = "Choose reviewers from the list: approvers who are not on the team that owns this service";

/** Who may be named as a reviewer: an enabled approver (or admin) outside the owning team, who may decide the review. */
function reviewerWhere(teamId: string): Prisma.UserWhereInput {
  return { disabledAt: null, role: { in: ["APPROVER", "ADMIN"] }, memberships: { none: { teamId } } };
}

/**
 * Starts a review on the newest template version; the review keeps that version for life.
 * The service row is locked so two people starting at once cannot both open a review.
 */
export async function startReview(ctx: AuditContext, serviceId: string, input: StartReviewInput): Promise<StartedReview> {
  if (!isUuid(serviceId)) throw new AppError("NOT_FOUND", "This service does not exist");
  const templateId = await getLatestTemplateId();
  if (!templateId) throw new AppError("PRECONDITION_FAILED", "No checklist template is installed; ask an admin to run the seed.");

  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; team_id: string }[]>`
      SELECT id::text, team_id::text FROM services WHERE id = ${serviceId}::uuid FOR UPDATE`;
    const service = locked[0];
    if (!service) throw new AppError("NOT_FOUND", "This service does not exist");
    if (!can(ctx.viewer, { type: "review:edit", teamId: service.team_id })) {
      throw new AppError("FORBIDDEN", "Only editors of the team that owns this service can start a review.");
    }
    const open = await tx.review.findFirst({
      where: { serviceId, status: { in: OPEN_STATUSES } },
      select: { id: true, status: true },
    });
    if (open) {
      throw new AppError("CONFLICT", `This service already has an open review (${open.status.toLowerCase()}); finish it first.`, {
        reason: "OPEN_REVIEW_EXISTS",
        openReviewId: open.id,
      });
    }
    const reviewerIds = [...new Set(input.reviewerIds)];
    if (reviewerIds.length > 0) {
      const found = await tx.user.count({ where: { id: { in: reviewerIds }, ...reviewerWhere(service.team_id) } });
      if (found !== reviewerIds.length) {
        throw new AppError("VALIDATION", REVIEWERS_MESSAGE, { fieldErrors: { reviewerIds: [REVIEWERS_MESSAGE] } });
      }
    }
    const review = await tx.review.create({
      data: {
        serviceId,
        templateId,
        trigger: input.trigger,
        targetDate: input.targetDate ? dayToDate(input.targetDate) : null,
        startedById: ctx.viewer.id,
        reviewers: { create: reviewerIds.map((userId) => ({ userId })) },
      },
      select: { id: true, templateId: true, version: true },
    });
    const carried = input.carryForward
      ? await carryForward(tx, ctx, { reviewId: review.id, templateId, serviceId, teamId: service.team_id })
      : null;
    await recordAudit(tx, ctx, {
      action: "review.start",
      entityType: "review",
      entityId: review.id,
      teamId: service.team_id,
      serviceId,
      reviewId: review.id,
      after: {
        status: "DRAFT",
        trigger: input.trigger,
        targetDate: input.targetDate ?? null,
        templateId,
        reviewerIds,
        carriedFromReviewId: carried?.fromReviewId ?? null,
        version: review.version,
      },
    });
    return { ...review, carriedFromReviewId: carried?.fromReviewId ?? null };
  });
}

export type ReviewStartContext = {
  service: { id: string; slug: string; name: string; tier: number; team: { id: string; name: string } };
  canStart: boolean;
  openReviewId: string | null;
  /** The review a new one can carry answers forward from: the last decided one. */
  lastDecided: { id: string; decidedAt: Date | null } | null;
};

/** What the start-review page needs about the service; null when it does not exist. */
export async function getReviewStartContext(viewer: Viewer, serviceSlug: string): Promise<ReviewStartContext | null> {
  const service = await db().service.findUnique({
    where: { slug: serviceSlug },
    select: {
      id: true,
      slug: true,
      name: true,
      tier: true,
      team: { select: { id: true, name: true } },
      reviews: { where: { status: { in: OPEN_STATUSES } }, take: 1, select: { id: true } },
    },
  });
  if (!service) return null;
  const { reviews, ...rest } = service;
  return {
    service: rest,
    canStart: can(viewer, { type: "review:edit", teamId: service.team.id }),
    openReviewId: reviews[0]?.id ?? null,
    lastDecided: await findCarrySource(db(), service.id),
  };
}

export type ReviewerOption = { id: string; name: string; teams: string[] };

/** People who can be named as reviewers of a service of `teamId`: approvers outside that team, by name, with their teams. */
export async function listReviewerOptions(teamId: string): Promise<ReviewerOption[]> {
  if (!isUuid(teamId)) return [];
  const rows = await db().user.findMany({
    where: reviewerWhere(teamId),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, memberships: { select: { team: { select: { name: true } } }, orderBy: { team: { name: "asc" } } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, teams: row.memberships.map((m) => m.team.name) }));
}

export type ReviewListItem = {
  id: string;
  status: ReviewStatus;
  trigger: ReviewTrigger;
  targetDate: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decision: Verdict | null;
  answeredCount: number;
  service: { slug: string; name: string; tier: number; team: { name: string } };
};

export type ReviewList = Paginated<ReviewListItem>;

export type ListReviewsOptions = { status?: "OPEN" | "DRAFT" | "SUBMITTED" | "DECIDED"; page?: number; pageSize?: number };

const reviewListSelect = {
  id: true,
  status: true,
  trigger: true,
  targetDate: true,
  createdAt: true,
  submittedAt: true,
  decidedAt: true,
  decision: true,
  _count: { select: { answers: true } },
  service: { select: { slug: true, name: true, tier: true, team: { select: { name: true } } } },
} as const satisfies Prisma.ReviewSelect;

/** Reviews newest first, filtered and paginated in SQL. */
export async function listReviews(options: ListReviewsOptions = {}): Promise<ReviewList> {
  const status = options.status ?? "OPEN";
  const where: Prisma.ReviewWhereInput = status === "OPEN" ? { status: { in: OPEN_STATUSES } } : { status };
  return findPage(
    pageRequest(options, REVIEWS_PAGE_SIZE),
    {
      rows: (window) =>
        db().review.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window, select: reviewListSelect }),
      count: () => db().review.count({ where }),
    },
    ({ _count, targetDate, ...row }) => ({ ...row, targetDate: targetDate ? isoDay(targetDate) : null, answeredCount: _count.answers }),
  );
}

/** The review's audit trail, newest first, with people as this viewer may see them. */
export async function listReviewHistory(viewer: Viewer, reviewId: string): Promise<AuditEventDto[]> {
  if (!isUuid(reviewId)) throw new AppError("NOT_FOUND", "This review does not exist");
  const exists = await db().review.findUnique({ where: { id: reviewId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", "This review does not exist");
  return listAuditForReview(db(), viewer, reviewId);
}
