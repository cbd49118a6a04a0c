import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { auditScope, isUuid, lockDraftForEdit, lockDraftItemForEdit } from "@/lib/db/review-access";
import { evidenceSelect, toEvidenceDto, visibleEvidence, type EvidenceDto } from "@/lib/db/review-dtos";
import { AppError } from "@/lib/errors";
import type { EvidenceInput } from "@/lib/schemas/review";

// Evidence hangs off an answer: a link (http/https only, checked by the schema and again by a
// CHECK constraint in the database), a title and a kind.

function auditView(evidence: Pick<EvidenceDto, "url" | "title" | "kind">, itemKey: string) {
  return { itemKey, url: evidence.url, title: evidence.title, kind: evidence.kind };
}

export async function addEvidence(ctx: AuditContext, reviewId: string, key: string, input: EvidenceInput): Promise<EvidenceDto> {
  return db().$transaction(async (tx) => {
    const { review, itemId } = await lockDraftItemForEdit(tx, ctx.viewer, reviewId, key);
    const answer = await tx.answer.findUnique({
      where: { reviewId_itemId: { reviewId: review.id, itemId } },
      select: { id: true },
    });
    if (!answer) {
      throw new AppError("CONFLICT", "Save an answer for this item before adding evidence to it.", {
        reason: "UNANSWERED_ITEM",
      });
    }
    const row = await tx.evidence.create({
      data: { answerId: answer.id, url: input.url, title: input.title, kind: input.kind, createdById: ctx.viewer.id },
      select: evidenceSelect,
    });
    const dto = toEvidenceDto(row, new Map([[ctx.viewer.id, ctx.viewer]]));
    await recordAudit(tx, ctx, {
      action: "evidence.add",
      entityType: "evidence",
      entityId: dto.id,
      ...auditScope(review),
      after: auditView(dto, key),
    });
    return visibleEvidence(ctx.viewer, dto);
  });
}

export async function removeEvidence(ctx: AuditContext, reviewId: string, evidenceId: string): Promise<void> {
  if (!isUuid(evidenceId)) throw new AppError("NOT_FOUND", "This evidence does not exist");

  await db().$transaction(async (tx) => {
    const review = await lockDraftForEdit(tx, ctx.viewer, reviewId);
    // Scoped to the review, so an id from another review is simply not found here.
    const row = await tx.evidence.findFirst({
      where: { id: evidenceId, answer: { reviewId: review.id } },
      select: { id: true, url: true, title: true, kind: true, answer: { select: { item: { select: { key: true } } } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "This evidence does not exist (it may have been removed already)");
    await tx.evidence.delete({ where: { id: row.id }, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "evidence.remove",
      entityType: "evidence",
      entityId: row.id,
      ...auditScope(review),
      before: auditView(row, row.answer.item.key),
    });
  });
}

/** Evidence links the scheduled check visits next: never checked first, then the longest unchecked. */
export async function evidenceDueForLinkCheck(limit: number, checkedBefore: Date): Promise<{ id: string; url: string }[]> {
  return db().evidence.findMany({
    where: { OR: [{ linkCheckedAt: null }, { linkCheckedAt: { lt: checkedBefore } }] },
    orderBy: [{ linkCheckedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: limit,
    select: { id: true, url: true },
  });
}

/** What the link check found; `health` null means it could not judge (e.g. a private address it may not visit). */
export async function recordLinkHealth(id: string, health: "OK" | "DEAD" | null, problem: string | null, checkedAt: Date): Promise<void> {
  await db().evidence.updateMany({ where: { id }, data: { linkHealth: health, linkProblem: problem, linkCheckedAt: checkedAt } });
}
