import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { changeTime } from "@/lib/db/change-token";
import { db, type Tx } from "@/lib/db/client";
import {
  assertCanDecide,
  assertCanEdit,
  assertDraft,
  assertVersion,
  auditScope,
  DECIDED_MESSAGE,
  lockReview,
  recordRefusals,
  todayUtc,
  type LockedReview,
} from "@/lib/db/review-access";
import { evaluateRows, getReviewTemplate, loadReviewRows } from "@/lib/db/review-data";
import { summarizeEvaluation } from "@/lib/domain/summary";
import { refreshServiceSummary } from "@/lib/db/service-summary";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { buildSnapshot, type ReviewSnapshot } from "@/lib/domain/snapshot";
import type { ReviewStatus, Verdict } from "@/lib/domain/types";
import { isDecisionAllowed } from "@/lib/domain/verdict";
import { VERDICT_WORDS } from "@/lib/domain/words";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionInput } from "@/lib/schemas/review";

// Sign-off and decision. The review row is locked FOR UPDATE, which waits for every in-flight
// answer/evidence/waiver write (they hold FOR SHARE) and keeps new ones out until commit, so the
// evaluation and snapshot describe exactly what was decided.

export type ReviewStatusChange = { id: string; status: ReviewStatus; version: number };

/** Reopening and deciding start from a submitted review; a decided one is frozen, anything else gets `refusal`. */
function assertSubmitted(review: LockedReview, refusal: string): void {
  if (review.status === "DECIDED") throw new AppError("CONFLICT", DECIDED_MESSAGE, { status: review.status });
  if (review.status !== "SUBMITTED") throw new AppError("CONFLICT", refusal, { status: review.status });
}

/** Audits a status change with the status and version it started from. */
async function auditStatusChange(
  tx: Tx,
  ctx: AuditContext,
  review: LockedReview,
  action: string,
  after: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, ctx, {
    action,
    entityType: "review",
    entityId: review.id,
    ...auditScope(review),
    before: { status: review.status, version: review.version },
    after,
  });
}

/** An editor of the owning team signs the review as owner and hands it to an approver. */
export async function submitReview(ctx: AuditContext, reviewId: string, version: number): Promise<ReviewStatusChange> {
  return db().$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId, "update");
    assertCanEdit(ctx.viewer, review);
    assertDraft(review);
    assertVersion(review, version);
    const after = await tx.review.update({
      where: { id: review.id },
      data: { status: "SUBMITTED", submittedById: ctx.viewer.id, submittedAt: new Date(), version: { increment: 1 } },
      select: { id: true, status: true, version: true, submittedAt: true },
    });
    await auditStatusChange(tx, ctx, review, "review.submit", {
      status: after.status,
      version: after.version,
      submittedByEmail: ctx.viewer.email,
      submittedAt: after.submittedAt,
    });
    return { id: after.id, status: after.status, version: after.version };
  });
}

/** Back to draft before a decision, e.g. when the approver asks for more evidence. */
export async function reopenReview(ctx: AuditContext, reviewId: string, version: number): Promise<ReviewStatusChange> {
  return db().$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId, "update");
    assertCanEdit(ctx.viewer, review);
    assertSubmitted(review, "Only a submitted review can be reopened.");
    assertVersion(review, version);
    const after = await tx.review.update({
      where: { id: review.id },
      data: { status: "DRAFT", submittedById: null, submittedAt: null, version: { increment: 1 } },
      select: { id: true, status: true, version: true },
    });
    await auditStatusChange(tx, ctx, review, "review.reopen", { status: after.status, version: after.version });
    return after;
  });
}

export type DecidedReview = ReviewStatusChange & { decision: Verdict; computedVerdict: Verdict; snapshot: ReviewSnapshot };

/**
 * An approver from outside the owning team who took no part in the review records go / conditional go / no-go. The verdict is
 * recomputed here, not trusted from the page: a decision may be stricter, never looser.
 */
export async function decideReview(ctx: AuditContext, reviewId: string, input: DecisionInput): Promise<DecidedReview> {
  return recordRefusals(ctx, () => decideInTransaction(ctx, reviewId, input));
}

async function decideInTransaction(ctx: AuditContext, reviewId: string, input: DecisionInput): Promise<DecidedReview> {
  return db().$transaction(async (tx) => {
    const review = await lockReview(tx, reviewId, "update");
    // Under the FOR UPDATE lock no answer, evidence or waiver request can land in the review, so who contributed is settled.
    await assertCanDecide(tx, ctx.viewer, review);
    assertSubmitted(review, "Only a submitted review can be decided; the team must submit it first.");
    assertVersion(review, input.expectedVersion);

    const today = todayUtc();
    const template = await getReviewTemplate(review.templateId);
    const rows = await loadReviewRows(tx, review.id, today);
    const tierTargets = await loadTierTargets(tx);
    const evaluation = evaluateRows(template, review.tier, rows, today, tierTargets);

    if (!isDecisionAllowed(evaluation.verdict, input.decision)) {
      const message =
        `The computed verdict is ${VERDICT_WORDS[evaluation.verdict].toLowerCase()}; a decision can be stricter but never looser. ` +
        "To go looser, the items behind the verdict need to be met or covered by an approved waiver.";
      throw new AppError("VALIDATION", message, {
        reason: "DECISION_TOO_LOOSE",
        computedVerdict: evaluation.verdict,
        fieldErrors: { decision: [message] },
      });
    }
    if (input.decision !== evaluation.verdict && input.note === "") {
      const message = "Explain in the note why the decision is stricter than the computed verdict";
      throw new AppError("VALIDATION", message, { fieldErrors: { note: [message] } });
    }

    // After every check that can refuse, so a refused decision never queues for the lock.
    const takenAt = await changeTime(tx);
    const snapshot = buildSnapshot({
      takenAt,
      today,
      evaluation,
      decision: input.decision,
      decisionNote: input.note,
      items: template.items,
      // A carried answer nobody confirmed did not count, so the frozen record leaves it out.
      answers: rows.answers
        .filter((a) => !a.awaitsConfirmation)
        .map((a) => ({
          itemKey: a.itemKey,
          status: a.status,
          note: a.note,
          naReason: a.naReason,
          answeredByEmail: a.answeredBy?.email ?? null,
          answeredAt: a.answeredAt,
          evidence: a.evidence,
        })),
      waivers: rows.waivers.map((w) => ({
        itemKey: w.itemKey,
        reason: w.reason,
        compensatingControl: w.compensatingControl,
        riskOwner: w.riskOwner,
        expiresOn: w.expiresOn,
        status: w.status,
        approvedByEmail: w.approvedBy?.email ?? null,
      })),
    });

    const after = await tx.review.update({
      where: { id: review.id },
      data: {
        status: "DECIDED",
        decision: input.decision,
        decisionNote: input.note === "" ? null : input.note,
        decidedById: ctx.viewer.id,
        decidedAt: takenAt,
        computedVerdict: evaluation.verdict,
        level: evaluation.level,
        levelWithoutWaivers: evaluation.levelWithoutWaivers,
        targetLevel: evaluation.target,
        snapshot: snapshot as Prisma.InputJsonValue,
        ...summarizeEvaluation(evaluation),
        version: { increment: 1 },
      },
      select: { id: true, status: true, version: true },
    });
    // Lists, the portfolio and the quarterly meeting read the service's summary, never the answers.
    await refreshServiceSummary(tx, review.serviceId);
    await auditStatusChange(tx, ctx, review, "review.decide", {
      status: after.status,
      version: after.version,
      decision: input.decision,
      decisionNote: input.note,
      computedVerdict: evaluation.verdict,
      level: evaluation.level,
      levelWithoutWaivers: evaluation.levelWithoutWaivers,
      targetLevel: evaluation.target,
    });
    return { ...after, decision: input.decision, computedVerdict: evaluation.verdict, snapshot };
  });
}
