import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { auditScope, lockDraftItemForEdit } from "@/lib/db/review-access";
import { answerAuditView, answerSelect, loadPeople, toAnswerDto, toEvidenceDto, type AnswerDto, type AnswerRow, type PersonRef } from "@/lib/db/review-dtos";
import { AppError } from "@/lib/errors";
import { itemKeyInput, parseOrThrow, setAnswerInput } from "@/lib/schemas/review";

// Answers use optimistic concurrency: the writer says which version it last saw (null: "none yet").
// A stale version never overwrites silently; the writer gets CONFLICT with the current answer
// (details.current) so the page can offer "use theirs" or "overwrite with mine".

export const ANSWER_CONFLICT_MESSAGE = "Someone else saved this answer while you were editing it.";

async function readAnswerRow(tx: Tx, reviewId: string, itemId: string): Promise<AnswerRow | null> {
  return tx.answer.findUnique({ where: { reviewId_itemId: { reviewId, itemId } }, select: answerSelect });
}

async function toDto(tx: Tx, row: AnswerRow): Promise<AnswerDto> {
  const people = await loadPeople(tx, [row.answeredById, ...row.evidence.map((e) => e.createdById)]);
  return toAnswerDto(row, people);
}

async function readAnswer(tx: Tx, reviewId: string, itemId: string): Promise<AnswerDto | null> {
  const row = await readAnswerRow(tx, reviewId, itemId);
  return row ? toDto(tx, row) : null;
}

function conflict(current: AnswerDto | null): AppError {
  return new AppError("CONFLICT", ANSWER_CONFLICT_MESSAGE, { reason: "STALE_ANSWER", current });
}

/**
 * Creates or updates the answer to one item; returns it with its new version. This is the hottest write in
 * Shipshape, so it reads only what it must: the saved answer is assembled from what the transaction already
 * knows (the writer, the new fields, the unchanged evidence) instead of being read back.
 */
export async function setAnswer(ctx: AuditContext, reviewId: string, itemKey: string, rawInput: unknown): Promise<AnswerDto> {
  const input = parseOrThrow(setAnswerInput, rawInput);
  const key = parseOrThrow(itemKeyInput, itemKey);

  return db().$transaction(async (tx) => {
    const { review, itemId } = await lockDraftItemForEdit(tx, ctx.viewer, reviewId, key);
    const before = await readAnswerRow(tx, review.id, itemId);
    const fields = { status: input.status, note: input.note, naReason: input.naReason, answeredById: ctx.viewer.id, answeredAt: new Date() };

    let written: { id: string; version: number } | undefined;
    if (before) {
      if (input.expectedVersion !== before.version) throw conflict(await toDto(tx, before));
      // The version in WHERE is the real guard: a writer that read the same version concurrently
      // waits on the row lock, then finds the version moved on and updates nothing.
      [written] = await tx.answer.updateManyAndReturn({
        where: { id: before.id, version: input.expectedVersion },
        data: { ...fields, version: { increment: 1 } },
        select: { id: true, version: true },
      });
    } else {
      if (input.expectedVersion !== null) throw conflict(null);
      // ON CONFLICT DO NOTHING: a concurrent first answer makes this insert a no-op instead of
      // aborting the transaction, so the loser can still read and return the winner's answer.
      [written] = await tx.answer.createManyAndReturn({
        data: [{ reviewId: review.id, itemId, ...fields }],
        skipDuplicates: true,
        select: { id: true, version: true },
      });
    }
    if (!written) throw conflict(await readAnswer(tx, review.id, itemId));

    const evidenceBy = before ? await loadPeople(tx, before.evidence.map((e) => e.createdById)) : new Map<string, PersonRef>();
    const after: AnswerDto = {
      id: written.id,
      itemKey: key,
      status: fields.status,
      note: fields.note,
      naReason: fields.naReason,
      version: written.version,
      answeredBy: { id: ctx.viewer.id, name: ctx.viewer.name, email: ctx.viewer.email },
      answeredAt: fields.answeredAt,
      evidence: before ? before.evidence.map((e) => toEvidenceDto(e, evidenceBy)) : [],
    };
    await recordAudit(tx, ctx, {
      action: before ? "answer.update" : "answer.create",
      entityType: "answer",
      entityId: after.id,
      ...auditScope(review),
      before: before ? answerAuditView({ ...before, itemKey: key }) : null,
      after: answerAuditView(after),
    });
    return after;
  });
}
