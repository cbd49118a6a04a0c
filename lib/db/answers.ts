import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { auditScope, lockDraftItemForEdit } from "@/lib/db/review-access";
import { answerAuditView, answerSelect, loadPeople, toAnswerDto, type AnswerDto } from "@/lib/db/review-dtos";
import { AppError } from "@/lib/errors";
import { itemKeyInput, parseOrThrow, setAnswerInput } from "@/lib/schemas/review";

// Answers use optimistic concurrency: the writer says which version it last saw (null: "none yet").
// A stale version never overwrites silently; the writer gets CONFLICT with the current answer
// (details.current) so the page can offer "use theirs" or "overwrite with mine".

export const ANSWER_CONFLICT_MESSAGE = "Someone else saved this answer while you were editing it.";

async function readAnswer(tx: Tx, reviewId: string, itemId: string): Promise<AnswerDto | null> {
  const row = await tx.answer.findUnique({ where: { reviewId_itemId: { reviewId, itemId } }, select: answerSelect });
  if (!row) return null;
  const people = await loadPeople(tx, [row.answeredById, ...row.evidence.map((e) => e.createdById)]);
  return toAnswerDto(row, people);
}

function conflict(current: AnswerDto | null): AppError {
  return new AppError("CONFLICT", ANSWER_CONFLICT_MESSAGE, { reason: "STALE_ANSWER", current });
}

/** Creates or updates the answer to one item; returns it with its new version. */
export async function setAnswer(ctx: AuditContext, reviewId: string, itemKey: string, rawInput: unknown): Promise<AnswerDto> {
  const input = parseOrThrow(setAnswerInput, rawInput);
  const key = parseOrThrow(itemKeyInput, itemKey);

  return db().$transaction(async (tx) => {
    const { review, itemId } = await lockDraftItemForEdit(tx, ctx.viewer, reviewId, key);
    const before = await readAnswer(tx, review.id, itemId);
    const fields = { status: input.status, note: input.note, naReason: input.naReason, answeredById: ctx.viewer.id, answeredAt: new Date() };

    if (before) {
      if (input.expectedVersion !== before.version) throw conflict(before);
      // The version in WHERE is the real guard: a writer that read the same version concurrently
      // waits on the row lock, then finds the version moved on and updates nothing.
      const updated = await tx.answer.updateManyAndReturn({
        where: { id: before.id, version: input.expectedVersion },
        data: { ...fields, version: { increment: 1 } },
        select: { id: true },
      });
      if (updated.length === 0) throw conflict(await readAnswer(tx, review.id, itemId));
    } else {
      if (input.expectedVersion !== null) throw conflict(null);
      // ON CONFLICT DO NOTHING: a concurrent first answer makes this insert a no-op instead of
      // aborting the transaction, so the loser can still read and return the winner's answer.
      const inserted = await tx.answer.createManyAndReturn({
        data: [{ reviewId: review.id, itemId, ...fields }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (inserted.length === 0) throw conflict(await readAnswer(tx, review.id, itemId));
    }

    const after = await readAnswer(tx, review.id, itemId);
    if (!after) throw new AppError("CONFLICT", ANSWER_CONFLICT_MESSAGE);
    await recordAudit(tx, ctx, {
      action: before ? "answer.update" : "answer.create",
      entityType: "answer",
      entityId: after.id,
      ...auditScope(review),
      before: before ? answerAuditView(before) : null,
      after: answerAuditView(after),
    });
    return after;
  });
}
