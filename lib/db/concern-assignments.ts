import type { PoolClient } from "pg";
import { can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { loadPeople, visiblePerson, type PersonRef } from "@/lib/db/people";
import { auditScope, isUuid, lockDraftForEdit, type LockedReview } from "@/lib/db/review-access";
import { getReviewTemplate } from "@/lib/db/review-data";
import { UNTOUCHED_VERSION, type ConcernWorkStatus } from "@/lib/domain/concern-assignments";
import type { Role } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import type { AssigneeRef, ConcernAssignmentInput } from "@/lib/schemas/concern-assignment";

// Splitting a review's work: each concern of a review goes to one editor of the owning team and carries its own
// status. The only door to the concern_assignments table. A concern without a row is unassigned and not started at
// version 0; writers name the version they saw, and a stale one is CONFLICT (reason STALE_VERSION) with the current
// assignment, never a silent overwrite.

export type ConcernAssignmentDto = {
  concernKey: string;
  assignee: PersonRef | null;
  status: ConcernWorkStatus;
  /** 0 while nothing is stored for the concern. */
  version: number;
  updatedBy: PersonRef | null;
  updatedAt: Date | null;
};

export type SavedConcernAssignment = ConcernAssignmentDto & {
  /** Applicable items of the concern without a counted answer; "done" is allowed with some, and says how many. */
  openItems: number;
};

export const ASSIGNMENT_CONFLICT_MESSAGE = "Someone else changed who works on this concern, or its status, since you loaded it.";

type AssignmentRow = {
  concernKey: string;
  assigneeId: string | null;
  status: ConcernWorkStatus;
  version: number;
  updatedById: string | null;
  updatedAt: Date;
};

const assignmentSelect = {
  concernKey: true,
  assigneeId: true,
  status: true,
  version: true,
  updatedById: true,
  updatedAt: true,
} as const;

function untouched(concernKey: string): ConcernAssignmentDto {
  return { concernKey, assignee: null, status: "NOT_STARTED", version: UNTOUCHED_VERSION, updatedBy: null, updatedAt: null };
}

async function toDtos(client: Pick<Tx, "user">, viewer: Viewer, rows: readonly AssignmentRow[]): Promise<ConcernAssignmentDto[]> {
  const people = await loadPeople(
    client,
    rows.flatMap((row) => [row.assigneeId, row.updatedById]),
  );
  const person = (id: string | null) => visiblePerson(viewer, id ? (people.get(id) ?? null) : null);
  return rows.map((row) => ({
    concernKey: row.concernKey,
    assignee: person(row.assigneeId),
    status: row.status,
    version: row.version,
    updatedBy: person(row.updatedById),
    updatedAt: row.updatedAt,
  }));
}

async function dtoOf(
  client: Pick<Tx, "user">,
  viewer: Viewer,
  row: AssignmentRow | null,
  concernKey: string,
): Promise<ConcernAssignmentDto> {
  if (!row) return untouched(concernKey);
  const [dto] = await toDtos(client, viewer, [row]);
  return dto as ConcernAssignmentDto;
}

async function staleAssignment(tx: Tx, viewer: Viewer, row: AssignmentRow | null, concernKey: string): Promise<AppError> {
  return new AppError("CONFLICT", ASSIGNMENT_CONFLICT_MESSAGE, {
    reason: "STALE_VERSION",
    current: await dtoOf(tx, viewer, row, concernKey),
  });
}

/** One entry per concern key given (in that order): the stored assignment, or unassigned and not started. */
export async function loadConcernAssignments(
  viewer: Viewer,
  reviewId: string,
  concernKeys: readonly string[],
): Promise<ConcernAssignmentDto[]> {
  const rows = await db().concernAssignment.findMany({ where: { reviewId }, select: assignmentSelect });
  const stored = new Map((await toDtos(db(), viewer, rows)).map((dto) => [dto.concernKey, dto]));
  return concernKeys.map((key) => stored.get(key) ?? untouched(key));
}

/** Every concern of the review's checklist with who works on it and how far it is (for the overview). */
export async function listConcernAssignments(viewer: Viewer, reviewId: string): Promise<ConcernAssignmentDto[]> {
  if (!isUuid(reviewId)) throw new AppError("NOT_FOUND", "This review does not exist");
  const review = await db().review.findUnique({ where: { id: reviewId }, select: { templateId: true } });
  if (!review) throw new AppError("NOT_FOUND", "This review does not exist");
  const template = await getReviewTemplate(review.templateId);
  return loadConcernAssignments(
    viewer,
    reviewId,
    template.concerns.map((concern) => concern.key),
  );
}

type MemberRow = { id: string; name: string; email: string; role: Role };

/** Whether this member of the team may be given its concerns, asked of can() with the member as the actor. */
function isAssignable(member: MemberRow, teamId: string): boolean {
  return can({ ...member, teamIds: [teamId] }, { type: "concern:be-assigned", teamId });
}

async function activeMembers(client: Pick<Tx, "$queryRaw">, teamId: string, who?: AssigneeRef): Promise<MemberRow[]> {
  const rows = await client.$queryRaw<MemberRow[]>`
    SELECT u.id::text, u.name, u.email, u.role::text AS role
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.team_id = ${teamId}::uuid AND u.disabled_at IS NULL
    ORDER BY lower(u.name), u.id`;
  if (!who) return rows;
  return rows.filter((row) => ("id" in who ? row.id === who.id : row.email.toLowerCase() === who.email.toLowerCase()));
}

/** The people a concern of this team's reviews can go to: its active members who can edit its reviews, by name. */
export async function listAssignableEditors(viewer: Viewer, teamId: string): Promise<PersonRef[]> {
  if (!isUuid(teamId)) return [];
  const members = await activeMembers(db(), teamId);
  return members.filter((member) => isAssignable(member, teamId)).map(({ id, name, email }) => visiblePerson(viewer, { id, name, email }));
}

async function resolveAssignee(tx: Tx, review: LockedReview, who: AssigneeRef | null): Promise<MemberRow | null> {
  if (who === null) return null;
  const [member] = "id" in who && !isUuid(who.id) ? [] : await activeMembers(tx, review.teamId, who);
  if (!member || !isAssignable(member, review.teamId)) {
    throw new AppError("VALIDATION", "Some fields need attention. Fix them and try again.", {
      fieldErrors: { assignee: ["Choose an editor of the team that owns this service"] },
    });
  }
  return member;
}

async function lockAssignment(tx: Tx, reviewId: string, concernKey: string): Promise<AssignmentRow | null> {
  const rows = await tx.$queryRaw<AssignmentRow[]>`
    SELECT concern_key AS "concernKey", assignee_id::text AS "assigneeId", status::text AS status, version,
           updated_by_id::text AS "updatedById", updated_at AS "updatedAt"
    FROM concern_assignments WHERE review_id = ${reviewId}::uuid AND concern_key = ${concernKey}
    FOR UPDATE`;
  return rows[0] ?? null;
}

async function countOpenItems(client: Pick<Tx, "$queryRaw">, review: LockedReview, concernKey: string): Promise<number> {
  // "Answered" as the engine counts it: any stored answer, except one carried forward and not yet confirmed.
  const rows = await client.$queryRaw<{ open: number }[]>`
    SELECT count(*)::int AS open
    FROM checklist_items i
    JOIN concerns c ON c.id = i.concern_id
    LEFT JOIN answers a ON a.review_id = ${review.id}::uuid AND a.item_id = i.id
    WHERE i.template_id = ${review.templateId}::uuid AND c.key = ${concernKey} AND ${review.tier}::int = ANY(i.tiers)
      AND (a.id IS NULL OR (a.carried_from_review_id IS NOT NULL AND a.confirmed_at IS NULL))`;
  return rows[0]?.open ?? 0;
}

function auditView(row: { status: ConcernWorkStatus; version: number }, assignee: { email: string } | null) {
  return { status: row.status, assigneeEmail: assignee?.email ?? null, version: row.version };
}

/**
 * Assigns a concern of a draft review to an editor of the owning team (or to nobody) and sets its status, at the
 * version the person saw. Only editors of the owning team may (can() through lockDraftForEdit). Marking a concern
 * done with items still unanswered is allowed; the result counts them so the page can say so.
 */
export async function setConcernAssignment(
  ctx: AuditContext,
  reviewId: string,
  concernKey: string,
  input: ConcernAssignmentInput,
): Promise<SavedConcernAssignment> {
  return db().$transaction(async (tx) => {
    const review = await lockDraftForEdit(tx, ctx.viewer, reviewId);
    const template = await getReviewTemplate(review.templateId);
    const concern = template.concerns.find((c) => c.key === concernKey);
    if (!concern) throw new AppError("NOT_FOUND", `This review's checklist has no concern "${concernKey}"`);
    const current = await lockAssignment(tx, review.id, concernKey);
    const currentVersion = current?.version ?? UNTOUCHED_VERSION;
    if (input.expectedVersion !== currentVersion) throw await staleAssignment(tx, ctx.viewer, current, concernKey);
    const assignee = await resolveAssignee(tx, review, input.assignee);
    const openItems = await countOpenItems(tx, review, concernKey);

    const unchanged = (current?.assigneeId ?? null) === (assignee?.id ?? null) && (current?.status ?? "NOT_STARTED") === input.status;
    if (unchanged) return { ...(await dtoOf(tx, ctx.viewer, current, concernKey)), openItems };

    const now = new Date();
    const assigneeId = assignee?.id ?? null;
    // Updates are guarded by the row lock taken above. A first write inserts; when a concurrent first write won the
    // race, the insert does nothing and the person hears that someone else was faster.
    const written = current
      ? await tx.concernAssignment.update({
          where: { reviewId_concernKey: { reviewId: review.id, concernKey } },
          data: { assigneeId, status: input.status, updatedById: ctx.viewer.id, updatedAt: now, version: { increment: 1 } },
          select: assignmentSelect,
        })
      : (
          await tx.$queryRaw<AssignmentRow[]>`
            INSERT INTO concern_assignments (review_id, concern_key, assignee_id, status, updated_by_id, updated_at)
            VALUES (${review.id}::uuid, ${concernKey}, ${assigneeId}::uuid, ${input.status}::"ConcernWorkStatus", ${ctx.viewer.id}::uuid, ${now})
            ON CONFLICT (review_id, concern_key) DO NOTHING
            RETURNING concern_key AS "concernKey", assignee_id::text AS "assigneeId", status::text AS status, version,
                      updated_by_id::text AS "updatedById", updated_at AS "updatedAt"`
        )[0];
    if (!written) throw await staleAssignment(tx, ctx.viewer, await lockAssignment(tx, review.id, concernKey), concernKey);

    const beforeAssignee = current?.assigneeId ? ((await loadPeople(tx, [current.assigneeId])).get(current.assigneeId) ?? null) : null;
    await recordAudit(tx, ctx, {
      action: "concern.assign",
      entityType: "concern",
      entityId: `${review.id}/${concernKey}`,
      ...auditScope(review),
      before: current
        ? { concernKey, concernTitle: concern.title, ...auditView(current, beforeAssignee?.email ? { email: beforeAssignee.email } : null) }
        : null,
      after: { concernKey, concernTitle: concern.title, ...auditView(written, assignee), openItems },
    });
    return { ...(await dtoOf(tx, ctx.viewer, written, concernKey)), openItems };
  });
}

/**
 * Called inside an answer's save: answering an item starts its concern when it was not started (creating the row
 * when there is none). It never changes the assignee, and never moves a concern back from in progress or done.
 */
export async function startConcernOnAnswer(client: PoolClient, ctx: AuditContext, review: LockedReview, itemId: string): Promise<void> {
  const { rows } = await client.query<{ concern_key: string; title: string; version: number }>(
    `INSERT INTO concern_assignments AS ca (review_id, concern_key, status, updated_by_id, updated_at)
     SELECT $1::uuid, c.key, 'IN_PROGRESS', $3::uuid, now()
     FROM checklist_items i JOIN concerns c ON c.id = i.concern_id WHERE i.id = $2::uuid
     ON CONFLICT (review_id, concern_key) DO UPDATE
       SET status = 'IN_PROGRESS', version = ca.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = EXCLUDED.updated_at
       WHERE ca.status = 'NOT_STARTED'
     RETURNING concern_key, version, (SELECT c.title FROM concerns c JOIN checklist_items i ON i.concern_id = c.id WHERE i.id = $2::uuid) AS title`,
    [review.id, itemId, ctx.viewer.id],
  );
  const started = rows[0];
  if (!started) return;
  await recordAudit(client, ctx, {
    action: "concern.start",
    entityType: "concern",
    entityId: `${review.id}/${started.concern_key}`,
    ...auditScope(review),
    before: { concernKey: started.concern_key, concernTitle: started.title, status: "NOT_STARTED", version: started.version - 1 },
    after: {
      concernKey: started.concern_key,
      concernTitle: started.title,
      status: "IN_PROGRESS",
      version: started.version,
      reason: "first answer",
    },
  });
}

export type AssignedConcern = { key: string; title: string; status: ConcernWorkStatus };
export type AssignedReview = {
  reviewId: string;
  service: { slug: string; name: string };
  targetDate: string | null;
  /** In checklist order; concerns not yet done first is the caller's choice. */
  concerns: AssignedConcern[];
};

type AssignedRow = {
  review_id: string;
  slug: string;
  name: string;
  target_date: string | null;
  concern_key: string;
  title: string;
  status: ConcernWorkStatus;
};

/**
 * The viewer's own work: draft reviews with the concerns assigned to them, soonest target date first (reviews
 * without one last), each review's concerns in checklist order.
 */
export async function assignedToViewer(viewer: Viewer): Promise<AssignedReview[]> {
  const rows = await db().$queryRaw<AssignedRow[]>`
    SELECT r.id::text AS review_id, s.slug, s.name, to_char(r.target_date, 'YYYY-MM-DD') AS target_date,
           ca.concern_key, c.title, ca.status::text AS status
    FROM concern_assignments ca
    JOIN reviews r ON r.id = ca.review_id
    JOIN services s ON s.id = r.service_id
    JOIN concerns c ON c.template_id = r.template_id AND c.key = ca.concern_key
    WHERE ca.assignee_id = ${viewer.id}::uuid AND r.status = 'DRAFT'
    ORDER BY r.target_date NULLS LAST, s.name, r.id, c.position`;
  const reviews = new Map<string, AssignedReview>();
  for (const row of rows) {
    const review = reviews.get(row.review_id) ?? {
      reviewId: row.review_id,
      service: { slug: row.slug, name: row.name },
      targetDate: row.target_date,
      concerns: [],
    };
    review.concerns.push({ key: row.concern_key, title: row.title, status: row.status });
    reviews.set(row.review_id, review);
  }
  return [...reviews.values()];
}
