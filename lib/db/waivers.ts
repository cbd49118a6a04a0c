import { can } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import {
  assertCanApproveWaivers,
  assertOpen,
  auditScope,
  dayToDate,
  isoDay,
  isUuid,
  lockDraftItemForEdit,
  lockReview,
  recordRefusals,
  todayUtc,
  type LockedReview,
} from "@/lib/db/review-access";
import { loadPeople } from "@/lib/db/people";
import { toWaiverDto, visibleWaiver, waiverAuditView, waiverSelect, type WaiverDto } from "@/lib/db/review-dtos";
import { isAnsweredAsMet } from "@/lib/domain/maturity";
import { isWaiverActive, validateWaiverExpiry, type WaiverStatus } from "@/lib/domain/waivers";
import { AppError } from "@/lib/errors";
import type { WaiverRequestInput } from "@/lib/schemas/review";

// Waivers: the owning team asks, an approver from outside the team approves or rejects, and either
// side may revoke. Status changes are conditional on the status the actor saw, so two approvers
// acting at once cannot both succeed. Expiry is never stored as a status: an approved waiver simply
// stops counting after its last day (see lib/domain/waivers).

/** Scoped to the review, so a waiver id from another review is simply not found. */
async function readWaiver(tx: Tx, reviewId: string, waiverId: string, today: string): Promise<WaiverDto | null> {
  const row = await tx.waiver.findFirst({ where: { id: waiverId, reviewId }, select: waiverSelect });
  if (!row) return null;
  return toWaiverDto(row, await loadPeople(tx, [row.requestedById, row.approvedById]), today);
}

export async function requestWaiver(ctx: AuditContext, reviewId: string, key: string, input: WaiverRequestInput): Promise<WaiverDto> {
  const today = todayUtc();
  const expiry = validateWaiverExpiry(input.expiresOn, today);
  if (!expiry.ok) throw new AppError("VALIDATION", expiry.message, { fieldErrors: { expiresOn: [expiry.message] } });

  return db().$transaction(async (tx) => {
    const { review, itemId } = await lockDraftItemForEdit(tx, ctx.viewer, reviewId, key);
    const answer = await tx.answer.findUnique({
      where: { reviewId_itemId: { reviewId: review.id, itemId } },
      select: { status: true, naReason: true },
    });
    if (isAnsweredAsMet(answer)) {
      const message =
        answer?.status === "MET"
          ? "This item is answered as met, so it needs no waiver. Change the answer first if it is not met after all."
          : "This item is answered as not applicable, so it needs no waiver.";
      throw new AppError("CONFLICT", message, { reason: "ITEM_MET" });
    }
    const existing = await tx.waiver.findMany({
      where: { reviewId: review.id, itemId, status: { in: ["PENDING", "APPROVED"] } },
      select: { status: true, expiresOn: true },
    });
    const live = existing.find(
      (w) => w.status === "PENDING" || isWaiverActive({ status: w.status, expiresOn: isoDay(w.expiresOn) }, today),
    );
    if (live) {
      const what = live.status === "PENDING" ? "pending" : "active";
      throw new AppError("CONFLICT", `This item already has an ${what} waiver.`, { reason: "WAIVER_EXISTS" });
    }
    const row = await tx.waiver.create({
      data: {
        reviewId: review.id,
        itemId,
        reason: input.reason,
        compensatingControl: input.compensatingControl,
        riskOwner: input.riskOwner,
        expiresOn: dayToDate(input.expiresOn),
        requestedById: ctx.viewer.id,
      },
      select: { id: true },
    });
    const waiver = await readWaiver(tx, review.id, row.id, today);
    if (!waiver) throw new AppError("NOT_FOUND", "The waiver could not be read back");
    await recordAudit(tx, ctx, {
      action: "waiver.request",
      entityType: "waiver",
      entityId: waiver.id,
      ...auditScope(review),
      after: waiverAuditView(waiver),
    });
    return visibleWaiver(ctx.viewer, waiver);
  });
}

type Transition = {
  action: "waiver.approve" | "waiver.reject" | "waiver.revoke";
  from: WaiverStatus[];
  to: WaiverStatus;
  authorize: (ctx: AuditContext, review: LockedReview, waiver: WaiverDto) => void;
};

async function transition(ctx: AuditContext, reviewId: string, waiverId: string, step: Transition): Promise<WaiverDto> {
  if (!isUuid(waiverId)) throw new AppError("NOT_FOUND", "This waiver does not exist");
  const today = todayUtc();

  return recordRefusals(ctx, () =>
    db().$transaction(async (tx) => {
      const review = await lockReview(tx, reviewId, "share");
      const before = await readWaiver(tx, review.id, waiverId, today);
      if (!before) throw new AppError("NOT_FOUND", "This waiver does not exist");
      step.authorize(ctx, review, before);
      assertOpen(review);
      if (!step.from.includes(before.status)) {
        throw new AppError("CONFLICT", `This waiver is already ${before.status.toLowerCase()}.`, {
          reason: "WAIVER_STATE",
          current: visibleWaiver(ctx.viewer, before),
        });
      }
      if (step.to === "APPROVED" && !isWaiverActive({ status: "APPROVED", expiresOn: before.expiresOn }, today)) {
        throw new AppError("CONFLICT", `This waiver expired on ${before.expiresOn}; the team must request a new one.`, {
          reason: "WAIVER_EXPIRED",
        });
      }
      const approval = step.to === "APPROVED" ? { approvedById: ctx.viewer.id, approvedAt: new Date() } : {};
      const { count } = await tx.waiver.updateMany({
        where: { id: waiverId, status: before.status },
        data: { status: step.to, ...approval },
      });
      if (count === 0) throw new AppError("CONFLICT", "Someone else changed this waiver at the same time; reload to see it.");
      const after = await readWaiver(tx, review.id, waiverId, today);
      if (!after) throw new AppError("NOT_FOUND", "This waiver does not exist");
      await recordAudit(tx, ctx, {
        action: step.action,
        entityType: "waiver",
        entityId: waiverId,
        ...auditScope(review),
        before: waiverAuditView(before),
        after: { ...waiverAuditView(after), approvedByEmail: after.approvedBy?.email ?? null },
      });
      return visibleWaiver(ctx.viewer, after);
    }),
  );
}

/** Approving and rejecting are the same step for an approver: a pending request, decided one way or the other. */
function approverDecision(action: "waiver.approve" | "waiver.reject", to: "APPROVED" | "REJECTED"): Transition {
  return {
    action,
    from: ["PENDING"],
    to,
    authorize: (c, review, waiver) => assertCanApproveWaivers(c.viewer, review, waiver, action),
  };
}

export function approveWaiver(ctx: AuditContext, reviewId: string, waiverId: string): Promise<WaiverDto> {
  return transition(ctx, reviewId, waiverId, approverDecision("waiver.approve", "APPROVED"));
}

export function rejectWaiver(ctx: AuditContext, reviewId: string, waiverId: string): Promise<WaiverDto> {
  return transition(ctx, reviewId, waiverId, approverDecision("waiver.reject", "REJECTED"));
}

/** The team (withdrawing a request or giving up a waiver) or an outside approver may revoke. */
export function revokeWaiver(ctx: AuditContext, reviewId: string, waiverId: string): Promise<WaiverDto> {
  return transition(ctx, reviewId, waiverId, {
    action: "waiver.revoke",
    from: ["PENDING", "APPROVED"],
    to: "REVOKED",
    authorize: (c, review) => {
      if (!can(c.viewer, { type: "waiver:revoke", teamId: review.teamId })) {
        throw new AppError("FORBIDDEN", "Only the owning team's editors or an outside approver can revoke this waiver.");
      }
    },
  });
}
