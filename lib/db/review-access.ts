import { can, decisionRefusal, type Refusal, type ReviewInvolvement, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext, type AuditEntry } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { isoDay } from "@/lib/domain/days";
import type { ReviewStatus, Tier } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";

// Shared by every review mutation: find the review, lock it, check who may do what in which state.
// Reads are open to every signed-in viewer (the portfolio is public inside the company), so a
// refusal to write is FORBIDDEN, and only a review that does not exist is NOT_FOUND.

export type LockedReview = {
  id: string;
  status: ReviewStatus;
  version: number;
  serviceId: string;
  templateId: string;
  teamId: string;
  tier: Tier;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export { dayToDate, isoDay } from "@/lib/domain/days";

/** The calendar day in UTC: waivers and the engine work in days, never in server-local time. */
export function todayUtc(now: Date = new Date()): string {
  return isoDay(now);
}

type LockRow = {
  id: string;
  status: ReviewStatus;
  version: number;
  service_id: string;
  template_id: string;
  team_id: string;
  tier: number;
};

/**
 * Reads the review and locks its row for the rest of the transaction.
 * - "share": answer/evidence/waiver writes; they may run side by side, but never alongside a
 *   status change, so nothing lands in a review after it was submitted or decided.
 * - "update": status changes (submit, reopen, decide), which must see a stable review.
 */
export async function lockReview(tx: Tx, reviewId: string, mode: "share" | "update"): Promise<LockedReview> {
  if (!isUuid(reviewId)) throw new AppError("NOT_FOUND", "This review does not exist");
  const rows =
    mode === "share"
      ? await tx.$queryRaw<LockRow[]>`
          SELECT r.id::text, r.status::text AS status, r.version, r.service_id::text, r.template_id::text, s.team_id::text, s.tier
          FROM reviews r JOIN services s ON s.id = r.service_id
          WHERE r.id = ${reviewId}::uuid
          FOR SHARE OF r`
      : await tx.$queryRaw<LockRow[]>`
          SELECT r.id::text, r.status::text AS status, r.version, r.service_id::text, r.template_id::text, s.team_id::text, s.tier
          FROM reviews r JOIN services s ON s.id = r.service_id
          WHERE r.id = ${reviewId}::uuid
          FOR UPDATE OF r`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "This review does not exist");
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    serviceId: row.service_id,
    templateId: row.template_id,
    teamId: row.team_id,
    tier: row.tier as Tier,
  };
}

export const DECIDED_MESSAGE = "This review was decided and is read-only; start a new review for further work.";
export const SUBMITTED_MESSAGE = "This review was submitted; it is read-only until the team reopens it.";

/** Answers, evidence and waiver requests change only while the review is a draft. */
export function assertDraft(review: LockedReview): void {
  if (review.status === "DRAFT") return;
  if (review.status === "SUBMITTED") throw new AppError("CONFLICT", SUBMITTED_MESSAGE, { status: review.status });
  if (review.status === "DECIDED") throw new AppError("CONFLICT", DECIDED_MESSAGE, { status: review.status });
  throw new AppError("CONFLICT", "This review was cancelled and is read-only.", { status: review.status });
}

/** Waiver approval and revocation may continue while the review waits for its decision. */
export function assertOpen(review: LockedReview): void {
  if (review.status === "DRAFT" || review.status === "SUBMITTED") return;
  assertDraft(review);
}

export function assertCanEdit(viewer: Viewer, review: { teamId: string }): void {
  if (!can(viewer, { type: "review:edit", teamId: review.teamId })) {
    throw new AppError("FORBIDDEN", "Only editors of the team that owns this service can change its review.");
  }
}

/** How every draft edit (answers, evidence, waiver requests) starts: share-lock the review, then check who and when. */
export async function lockDraftForEdit(tx: Tx, viewer: Viewer, reviewId: string): Promise<LockedReview> {
  const review = await lockReview(tx, reviewId, "share");
  assertCanEdit(viewer, review);
  assertDraft(review);
  return review;
}

/** The checklist item `itemKey` names in the review's own template version. */
async function findItemId(tx: Tx, review: LockedReview, itemKey: string): Promise<string> {
  const item = await tx.checklistItem.findUnique({
    where: { templateId_key: { templateId: review.templateId, key: itemKey } },
    select: { id: true },
  });
  if (!item) throw new AppError("NOT_FOUND", `This review's checklist has no item "${itemKey}"`);
  return item.id;
}

/** lockDraftForEdit for an edit of one item, which must exist in the review's template. */
export async function lockDraftItemForEdit(
  tx: Tx,
  viewer: Viewer,
  reviewId: string,
  itemKey: string,
): Promise<{ review: LockedReview; itemId: string }> {
  const review = await lockDraftForEdit(tx, viewer, reviewId);
  return { review, itemId: await findItemId(tx, review, itemKey) };
}

// The audit actions that make someone a contributor to a review: anything that shaped what gets decided.
export const ANSWERING_ACTIONS = ["answer.create", "answer.update", "answer.confirm", "evidence.add", "evidence.remove", "waiver.request"];
export const INVOLVING_ACTIONS = ["review.start", "review.submit", ...ANSWERING_ACTIONS];

/** What this user did in the review, from the audit log (inside the deciding transaction, so it is current). */
export async function loadInvolvement(client: Pick<Tx, "auditEvent">, reviewId: string, userId: string): Promise<ReviewInvolvement> {
  const rows = await client.auditEvent.findMany({
    where: { reviewId, actorId: userId, action: { in: INVOLVING_ACTIONS } },
    distinct: ["action"],
    select: { action: true },
  });
  const actions = new Set(rows.map((row) => row.action));
  return {
    started: actions.has("review.start"),
    submitted: actions.has("review.submit"),
    answered: ANSWERING_ACTIONS.some((action) => actions.has(action)),
  };
}

/**
 * A four-eyes refusal: a 403 that says why, and whose try is kept in the audit log even though the transaction
 * that discovered it rolls back (see recordRefusals).
 */
export class FourEyesRefusal extends AppError {
  constructor(
    message: string,
    readonly audit: AuditEntry,
  ) {
    super("FORBIDDEN", message, { reason: "FOUR_EYES" });
  }
}

/** Runs a decision; a four-eyes refusal is recorded as its own audit event, after its transaction rolled back. */
export async function recordRefusals<T>(ctx: AuditContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FourEyesRefusal) {
      await recordAudit(db(), ctx, { ...error.audit, after: { ...(error.audit.after as object), reason: error.message } });
    }
    throw error;
  }
}

function refusalAudit(review: LockedReview, action: string, entityType: string, entityId: string): AuditEntry {
  return { action, entityType, entityId, ...auditScope(review), after: { status: review.status, version: review.version } };
}

function throwRefusal(refusal: Refusal, audit: AuditEntry): never {
  if (refusal.isFourEyes) throw new FourEyesRefusal(refusal.reason, audit);
  throw new AppError("FORBIDDEN", refusal.reason);
}

export async function assertCanDecide(tx: Tx, viewer: Viewer, review: LockedReview): Promise<void> {
  const involvement = await loadInvolvement(tx, review.id, viewer.id);
  const refusal = decisionRefusal(viewer, { type: "review:decide", teamId: review.teamId, involvement });
  if (refusal) throwRefusal(refusal, refusalAudit(review, "review.decide.refused", "review", review.id));
}

export function assertCanApproveWaivers(
  viewer: Viewer,
  review: LockedReview,
  waiver: { id: string; requestedById: string | null },
  action: "waiver.approve" | "waiver.reject",
): void {
  const refusal = decisionRefusal(viewer, {
    type: "waiver:approve",
    teamId: review.teamId,
    isRequester: waiver.requestedById === viewer.id,
  });
  if (refusal) throwRefusal(refusal, refusalAudit(review, `${action}.refused`, "waiver", waiver.id));
}

export function assertVersion(review: LockedReview, expectedVersion: number): void {
  if (review.version !== expectedVersion) {
    throw new AppError("CONFLICT", "Someone else changed this review since you loaded it; reload to see the latest.", {
      reason: "STALE_VERSION",
      currentVersion: review.version,
    });
  }
}

export function auditScope(review: LockedReview) {
  return { teamId: review.teamId, serviceId: review.serviceId, reviewId: review.id };
}
