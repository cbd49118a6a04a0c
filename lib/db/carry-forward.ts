import { recordAudit, type AuditContext } from "@/lib/db/audit";
import type { Tx } from "@/lib/db/client";
import { awaitsConfirmation, planCarryForward } from "@/lib/domain/carry-forward";
import { AppError } from "@/lib/errors";

// Copies the answers, notes and evidence of a service's last decided review into a review just started, inside the
// starting transaction. What travels is decided in lib/domain/carry-forward.ts; this file only reads and writes.

export type CarrySourceReview = { id: string; decidedAt: Date | null };

/** The service's most recently decided review, or null when it has none. */
export async function findCarrySource(tx: Pick<Tx, "review">, serviceId: string): Promise<CarrySourceReview | null> {
  return tx.review.findFirst({
    where: { serviceId, status: "DECIDED" },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    select: { id: true, decidedAt: true },
  });
}

export const NO_CARRY_SOURCE_MESSAGE = "This service has no decided review to carry answers forward from; start without carrying forward.";

export type CarryForwardResult = { fromReviewId: string; carried: number; evidence: number };

type Target = { reviewId: string; templateId: string; serviceId: string; teamId: string };

export async function carryForward(tx: Tx, ctx: AuditContext, target: Target): Promise<CarryForwardResult> {
  const source = await findCarrySource(tx, target.serviceId);
  if (!source) {
    throw new AppError("VALIDATION", NO_CARRY_SOURCE_MESSAGE, { fieldErrors: { carryForward: [NO_CARRY_SOURCE_MESSAGE] } });
  }
  const previous = await tx.answer.findMany({
    where: { reviewId: source.id },
    orderBy: { item: { position: "asc" } },
    select: {
      status: true,
      note: true,
      naReason: true,
      answeredById: true,
      answeredAt: true,
      carriedFromReviewId: true,
      confirmedAt: true,
      item: { select: { key: true } },
      evidence: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { url: true, title: true, kind: true, createdById: true, createdAt: true },
      },
    },
  });
  const items = await tx.checklistItem.findMany({ where: { templateId: target.templateId }, select: { id: true, key: true } });
  const itemIds = new Map(items.map((item) => [item.key, item.id]));
  const plan = planCarryForward(
    previous.map((answer) => ({ ...answer, itemKey: answer.item.key, awaitsConfirmation: awaitsConfirmation(answer) })),
    itemIds.keys(),
  );

  const created = await tx.answer.createManyAndReturn({
    data: plan.carried.map((answer) => ({
      reviewId: target.reviewId,
      itemId: itemIds.get(answer.itemKey) as string,
      status: answer.status,
      note: answer.note,
      naReason: answer.naReason,
      answeredById: answer.answeredById,
      answeredAt: answer.answeredAt,
      carriedFromReviewId: source.id,
    })),
    select: { id: true, itemId: true },
  });
  const answerIds = new Map(created.map((row) => [row.itemId, row.id]));
  const evidence = plan.carried.flatMap((answer) => {
    const answerId = answerIds.get(itemIds.get(answer.itemKey) as string) as string;
    return answer.evidence.map((e) => ({
      answerId,
      url: e.url,
      title: e.title,
      kind: e.kind,
      createdById: e.createdById,
      createdAt: e.createdAt,
    }));
  });
  if (evidence.length > 0) await tx.evidence.createMany({ data: evidence });

  await recordAudit(tx, ctx, {
    action: "review.carry-forward",
    entityType: "review",
    entityId: target.reviewId,
    teamId: target.teamId,
    serviceId: target.serviceId,
    reviewId: target.reviewId,
    after: {
      fromReviewId: source.id,
      carriedItemKeys: plan.carried.map((answer) => answer.itemKey),
      leftBehindItemKeys: plan.leftBehind,
      unconfirmedItemKeys: plan.unconfirmed,
      evidenceCount: evidence.length,
    },
  });
  return { fromReviewId: source.id, carried: created.length, evidence: evidence.length };
}
