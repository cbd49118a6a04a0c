import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { assertCanEdit, assertDraft, auditScope, isUuid, type LockedReview } from "@/lib/db/review-access";
import { withSqlTransaction } from "@/lib/db/sql-transaction";
import type { AnswerStatus, EvidenceKind } from "@/lib/domain/types";
import type { Viewer } from "@/lib/auth/permissions";
import { startConcernOnAnswer } from "@/lib/db/concern-assignments";
import { answerAuditView, answerSelect, toAnswerDto, visibleAnswer, type AnswerDto, type AnswerRow } from "@/lib/db/review-dtos";
import { loadPeople } from "@/lib/db/people";
import { AppError } from "@/lib/errors";
import type { SetAnswerInput } from "@/lib/schemas/review";

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

export async function readAnswer(tx: Tx, reviewId: string, itemId: string): Promise<AnswerDto | null> {
  const row = await readAnswerRow(tx, reviewId, itemId);
  return row ? toDto(tx, row) : null;
}

/** A write that named a version other than the current one: CONFLICT with the answer as it is now. */
export function answerConflict(viewer: Viewer, current: AnswerDto | null): AppError {
  return new AppError("CONFLICT", ANSWER_CONFLICT_MESSAGE, { reason: "STALE_ANSWER", current: current && visibleAnswer(viewer, current) });
}

type AnswerTargetRow = {
  review_id: string;
  status: string;
  version: number;
  service_id: string;
  template_id: string;
  team_id: string;
  tier: number;
  item_id: string | null;
  answer_id: string | null;
  answer_version: number | null;
  answer_status: AnswerStatus | null;
  answer_note: string | null;
  answer_na_reason: string | null;
  answer_carried_from: string | null;
  answer_confirmed_at: Date | null;
  answer_confirmed_by_id: string | null;
  answer_confirmed_by_name: string | null;
  answer_confirmed_by_email: string | null;
};

type EvidenceSqlRow = {
  id: string;
  url: string;
  title: string;
  kind: EvidenceKind;
  created_at: Date;
  created_by_id: string | null;
  created_by_name: string | null;
  created_by_email: string | null;
  link_health: "OK" | "DEAD" | null;
  link_problem: string | null;
  link_checked_at: Date | null;
};

/**
 * Creates or updates the answer to one item; returns it with its new version. This is the hottest write in
 * Shipshape, so it runs as five plain SQL statements in one transaction: lock the review and read the item and
 * the current answer in one go, write with the version guard, read evidence only when there is an answer to
 * keep it on, and audit. The saved answer is assembled from what the transaction already knows.
 */
export async function setAnswer(ctx: AuditContext, reviewId: string, key: string, input: SetAnswerInput): Promise<AnswerDto> {
  if (!isUuid(reviewId)) throw new AppError("NOT_FOUND", "This review does not exist");

  return withSqlTransaction(async (client) => {
    const { rows } = await client.query<AnswerTargetRow>(
      `SELECT r.id::text AS review_id, r.status::text AS status, r.version, r.service_id::text, r.template_id::text,
              s.team_id::text, s.tier, i.id::text AS item_id, a.id::text AS answer_id, a.version AS answer_version,
              a.status::text AS answer_status, a.note AS answer_note, a.na_reason AS answer_na_reason,
              a.carried_from_review_id::text AS answer_carried_from, a.confirmed_at AS answer_confirmed_at,
              cu.id::text AS answer_confirmed_by_id, cu.name AS answer_confirmed_by_name, cu.email AS answer_confirmed_by_email
       FROM reviews r
       JOIN services s ON s.id = r.service_id
       LEFT JOIN checklist_items i ON i.template_id = r.template_id AND i.key = $2
       LEFT JOIN answers a ON a.review_id = r.id AND a.item_id = i.id
       LEFT JOIN users cu ON cu.id = a.confirmed_by_id
       WHERE r.id = $1::uuid
       FOR SHARE OF r`,
      [reviewId, key],
    );
    const row = rows[0];
    if (!row) throw new AppError("NOT_FOUND", "This review does not exist");
    const review: LockedReview = {
      id: row.review_id,
      status: row.status as LockedReview["status"],
      version: row.version,
      serviceId: row.service_id,
      templateId: row.template_id,
      teamId: row.team_id,
      tier: row.tier as LockedReview["tier"],
    };
    assertCanEdit(ctx.viewer, review);
    assertDraft(review);
    if (!row.item_id) throw new AppError("NOT_FOUND", `This review's checklist has no item "${key}"`);
    const itemId = row.item_id;
    // Conflicts are rare: their details are read through the ordinary DTO path, outside this transaction.
    const current = () => db().$transaction((tx) => readAnswer(tx, review.id, itemId));

    const answeredAt = new Date();
    const wasAwaiting = row.answer_carried_from !== null && row.answer_confirmed_at === null;
    // Choosing another status for a carried answer is a judgement made now, so it confirms the answer; a note edit
    // (or an autosave of one) leaves the status as carried and does not.
    const confirmsNow = wasAwaiting && row.answer_status !== input.status;
    let written: { id: string; version: number } | undefined;
    if (row.answer_id !== null) {
      if (input.expectedVersion !== row.answer_version) throw answerConflict(ctx.viewer, await current());
      // The version in WHERE is the real guard: a writer that read the same version concurrently
      // waits on the row lock, then finds the version moved on and updates nothing.
      const updated = await client.query<{ id: string; version: number }>(
        `UPDATE answers SET status = $1::"AnswerStatus", note = $2, na_reason = $3, answered_by_id = $4::uuid, answered_at = $5,
                version = version + 1,
                confirmed_by_id = CASE WHEN $8 THEN $4::uuid ELSE confirmed_by_id END,
                confirmed_at = CASE WHEN $8 THEN $5 ELSE confirmed_at END
         WHERE id = $6::uuid AND version = $7 RETURNING id::text, version`,
        [input.status, input.note, input.naReason, ctx.viewer.id, answeredAt, row.answer_id, input.expectedVersion, confirmsNow],
      );
      written = updated.rows[0];
    } else {
      if (input.expectedVersion !== null) throw answerConflict(ctx.viewer, null);
      // ON CONFLICT DO NOTHING: a concurrent first answer makes this insert a no-op instead of
      // aborting the transaction, so the loser can still read and return the winner's answer.
      const inserted = await client.query<{ id: string; version: number }>(
        `INSERT INTO answers (review_id, item_id, status, note, na_reason, answered_by_id, answered_at)
         VALUES ($1::uuid, $2::uuid, $3::"AnswerStatus", $4, $5, $6::uuid, $7)
         ON CONFLICT (review_id, item_id) DO NOTHING RETURNING id::text, version`,
        [review.id, itemId, input.status, input.note, input.naReason, ctx.viewer.id, answeredAt],
      );
      written = inserted.rows[0];
    }
    if (!written) throw answerConflict(ctx.viewer, await current());
    await startConcernOnAnswer(client, ctx, review, itemId);

    const evidence =
      row.answer_id === null
        ? []
        : (
            await client.query<EvidenceSqlRow>(
              `SELECT e.id::text, e.url, e.title, e.kind::text AS kind, e.created_at, e.link_health::text AS link_health, e.link_problem, e.link_checked_at, u.id::text AS created_by_id, u.name AS created_by_name, u.email AS created_by_email
               FROM evidence e LEFT JOIN users u ON u.id = e.created_by_id
               WHERE e.answer_id = $1::uuid ORDER BY e.created_at, e.id`,
              [written.id],
            )
          ).rows.map((e) => ({
            id: e.id,
            url: e.url,
            title: e.title,
            kind: e.kind,
            createdBy:
              e.created_by_id && e.created_by_name && e.created_by_email
                ? { id: e.created_by_id, name: e.created_by_name, email: e.created_by_email }
                : null,
            createdAt: e.created_at,
            linkHealth: e.link_health,
            linkProblem: e.link_problem,
            linkCheckedAt: e.link_checked_at,
          }));
    const viewerRef = { id: ctx.viewer.id, name: ctx.viewer.name, email: ctx.viewer.email };
    const previousConfirmer =
      row.answer_confirmed_by_id && row.answer_confirmed_by_name
        ? { id: row.answer_confirmed_by_id, name: row.answer_confirmed_by_name, email: row.answer_confirmed_by_email }
        : null;
    const after: AnswerDto = {
      id: written.id,
      itemKey: key,
      status: input.status,
      note: input.note,
      naReason: input.naReason,
      version: written.version,
      answeredBy: viewerRef,
      answeredAt,
      evidence,
      carriedFromReviewId: row.answer_carried_from,
      awaitsConfirmation: wasAwaiting && !confirmsNow,
      confirmedBy: confirmsNow ? viewerRef : previousConfirmer,
      confirmedAt: confirmsNow ? answeredAt : row.answer_confirmed_at,
    };
    const before =
      row.answer_id === null || row.answer_status === null || row.answer_version === null
        ? null
        : {
            itemKey: key,
            status: row.answer_status,
            note: row.answer_note ?? "",
            naReason: row.answer_na_reason,
            version: row.answer_version,
            carriedFromReviewId: row.answer_carried_from,
            awaitsConfirmation: wasAwaiting,
          };
    await recordAudit(client, ctx, {
      action: before ? "answer.update" : "answer.create",
      entityType: "answer",
      entityId: after.id,
      ...auditScope(review),
      before: before ? answerAuditView(before) : null,
      after: answerAuditView(after),
    });
    return visibleAnswer(ctx.viewer, after);
  });
}
