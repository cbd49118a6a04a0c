import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { answerConflict, readAnswer } from "@/lib/db/answers";
import { auditScope, lockDraftForEdit, lockDraftItemForEdit, type LockedReview } from "@/lib/db/review-access";
import { getReviewTemplate } from "@/lib/db/review-data";
import { answerAuditView, type AnswerDto } from "@/lib/db/review-dtos";
import { awaitsConfirmation, concernConfirmation } from "@/lib/domain/carry-forward";
import { AppError } from "@/lib/errors";

// Confirming carried answers: someone of the owning team says "this still holds" for an answer carried forward from
// the previous review, one item at a time or a whole concern at once. Both take the version the person saw (the
// answer's version, or the concern's tag over its carried answers) and refuse when anything moved since.

export const NOTHING_TO_CONFIRM_MESSAGE = "Nothing here waits for confirmation.";

async function auditConfirmation(tx: Tx, ctx: AuditContext, review: LockedReview, before: AnswerDto, after: AnswerDto): Promise<void> {
  await recordAudit(tx, ctx, {
    action: "answer.confirm",
    entityType: "answer",
    entityId: after.id,
    ...auditScope(review),
    before: answerAuditView(before),
    after: { ...answerAuditView(after), confirmedAt: after.confirmedAt },
  });
}

function mustRead(answer: AnswerDto | null): AnswerDto {
  if (!answer) throw new AppError("NOT_FOUND", "This answer does not exist");
  return answer;
}

/** Confirms one carried answer at the version the person saw; returns it with its new version. */
export async function confirmAnswer(ctx: AuditContext, reviewId: string, itemKey: string, expectedVersion: number): Promise<AnswerDto> {
  return db().$transaction(async (tx) => {
    const { review, itemId } = await lockDraftItemForEdit(tx, ctx.viewer, reviewId, itemKey);
    const before = await readAnswer(tx, review.id, itemId);
    if (!before) throw new AppError("NOT_FOUND", `Item "${itemKey}" has no answer to confirm`);
    if (before.version !== expectedVersion) throw answerConflict(ctx.viewer, before);
    if (!awaitsConfirmation({ carriedFromReviewId: before.carriedFromReviewId, confirmedAt: before.confirmedAt })) {
      const message = before.carriedFromReviewId
        ? "This carried answer was already confirmed."
        : "This answer was given in this review; only answers carried from the previous review need confirming.";
      throw new AppError("CONFLICT", message, { reason: before.carriedFromReviewId ? "ALREADY_CONFIRMED" : "NOT_CARRIED" });
    }
    // The version (and the still-empty confirmation) in WHERE is the guard against a concurrent edit or confirmation.
    const { count } = await tx.answer.updateMany({
      where: { id: before.id, version: expectedVersion, confirmedAt: null },
      data: { confirmedById: ctx.viewer.id, confirmedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw answerConflict(ctx.viewer, await readAnswer(tx, review.id, itemId));
    const after = mustRead(await readAnswer(tx, review.id, itemId));
    await auditConfirmation(tx, ctx, review, before, after);
    return after;
  });
}

export type ConcernConfirmed = { concernKey: string; confirmed: AnswerDto[]; tag: string };
export type ReviewConfirmed = { confirmed: AnswerDto[]; tag: string };

/**
 * Confirms every applicable carried answer of the concern that still waits, provided the concern's tag is the one the
 * person saw. A stale tag is CONFLICT (reason STALE_CONCERN) with the current tag and what waits now.
 */
export async function confirmConcern(
  ctx: AuditContext,
  reviewId: string,
  concernKey: string,
  expectedTag: string,
): Promise<ConcernConfirmed> {
  return { concernKey, ...(await confirmCarried(ctx, reviewId, concernKey, expectedTag)) };
}

/**
 * The same for the whole review at once ("nothing changed since the last review"): the tag covers every applicable
 * carried answer of every concern, so anything edited or confirmed since the page was read refuses the lot.
 */
export async function confirmReview(ctx: AuditContext, reviewId: string, expectedTag: string): Promise<ReviewConfirmed> {
  return confirmCarried(ctx, reviewId, null, expectedTag);
}

async function confirmCarried(
  ctx: AuditContext,
  reviewId: string,
  concernKey: string | null,
  expectedTag: string,
): Promise<ReviewConfirmed> {
  return db().$transaction(async (tx) => {
    const review = await lockDraftForEdit(tx, ctx.viewer, reviewId);
    const template = await getReviewTemplate(review.templateId);
    if (concernKey !== null && !template.concerns.some((c) => c.key === concernKey)) {
      throw new AppError("NOT_FOUND", `This review's checklist has no concern "${concernKey}"`);
    }
    // Locks the review's carried answers, so a concurrent edit or confirmation waits and then sees the tag moved on.
    const carried = await tx.$queryRaw<{ id: string; item_id: string; item_key: string; version: number; confirmed_at: Date | null }[]>`
      SELECT a.id::text, a.item_id::text, i.key AS item_key, a.version, a.confirmed_at
      FROM answers a JOIN checklist_items i ON i.id = a.item_id
      WHERE a.review_id = ${review.id}::uuid AND a.carried_from_review_id IS NOT NULL
      ORDER BY i.position
      FOR UPDATE OF a`;
    const byKey = Object.fromEntries(
      carried.map((row) => [
        row.item_key,
        { version: row.version, carriedFromReviewId: "carried", awaitsConfirmation: row.confirmed_at === null },
      ]),
    );
    const state = concernConfirmation(template.items, byKey, concernKey, review.tier);
    if (state.tag !== expectedTag) {
      const scope = concernKey === null ? "this review" : "this concern";
      throw new AppError("CONFLICT", `Someone changed or confirmed answers of ${scope} since you loaded it; reload to see them.`, {
        reason: "STALE_CONCERN",
        currentTag: state.tag,
        awaiting: state.awaiting,
      });
    }
    if (state.awaiting.length === 0) throw new AppError("CONFLICT", NOTHING_TO_CONFIRM_MESSAGE, { reason: "NOTHING_TO_CONFIRM" });

    const waiting = carried.filter((row) => state.awaiting.includes(row.item_key));
    const confirmed: AnswerDto[] = [];
    const confirmedAt = new Date();
    // One after another: every query of a transaction shares its one connection.
    for (const row of waiting) {
      const before = mustRead(await readAnswer(tx, review.id, row.item_id));
      await tx.answer.update({
        where: { id: row.id },
        data: { confirmedById: ctx.viewer.id, confirmedAt, version: { increment: 1 } },
        select: { id: true },
      });
      const after = mustRead(await readAnswer(tx, review.id, row.item_id));
      await auditConfirmation(tx, ctx, review, before, after);
      confirmed.push(after);
    }
    const versions = new Map(confirmed.map((a) => [a.itemKey, a.version]));
    const next = concernConfirmation(
      template.items,
      Object.fromEntries(
        Object.entries(byKey).map(([key, value]) => [
          key,
          versions.has(key) ? { ...value, version: versions.get(key) as number, awaitsConfirmation: false } : value,
        ]),
      ),
      concernKey,
      review.tier,
    );
    return { confirmed, tag: next.tag };
  });
}
