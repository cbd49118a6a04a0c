import { afterAll, describe, expect, it } from "vitest";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import {
  assignedToViewer,
  listAssignableEditors,
  listConcernAssignments,
  setConcernAssignment,
  type ConcernAssignmentDto,
} from "@/lib/db/concern-assignments";
import { submitReview } from "@/lib/db/decisions";
import { appError, createReviewWorld, createTeam, createViewer, ctxOf, type ReviewWorld } from "@/lib/db/review-test-fixtures";
import { getReviewView, listReviewHistory } from "@/lib/db/reviews";
import type { Viewer } from "@/lib/auth/permissions";
import { concernAssignmentForm, type ConcernAssignmentInput } from "@/lib/schemas/concern-assignment";
import { setAnswerInput } from "@/lib/schemas/review";

afterAll(closeDb);

const CONCERN = "health";

async function world() {
  const w = await createReviewWorld(3);
  const teammate = await createViewer("EDITOR", [w.teamId], "teammate");
  return { ...w, teammate };
}

const input = (assignee: Viewer | null, status: ConcernAssignmentInput["status"], expectedVersion: number): ConcernAssignmentInput => ({
  assignee: assignee ? { id: assignee.id } : null,
  status,
  expectedVersion,
});

const assignmentIn = (list: readonly ConcernAssignmentDto[], key = CONCERN) => list.find((a) => a.concernKey === key);

function firstItemOf(w: ReviewWorld, concernKey = CONCERN): string {
  const item = w.template.items.find((i) => i.concernKey === concernKey && i.tiers.includes(3));
  if (!item) throw new Error(`no tier-3 item in ${concernKey}`);
  return item.key;
}

describe("assigning a concern of a review", () => {
  it("gives a concern to a teammate with a status, versioned from 0, shown in the review and audited", async () => {
    const w = await world();
    const before = await getReviewView(w.editor, w.reviewId);
    expect(before.assignments.map((a) => a.concernKey)).toEqual(w.template.concerns.map((c) => c.key));
    expect(assignmentIn(before.assignments)).toMatchObject({ assignee: null, status: "NOT_STARTED", version: 0 });

    const saved = await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "IN_PROGRESS", 0));
    expect(saved).toMatchObject({
      concernKey: CONCERN,
      status: "IN_PROGRESS",
      version: 1,
      assignee: { id: w.teammate.id, name: w.teammate.name },
    });
    // Names for everyone, e-mail addresses for admins only.
    expect(saved.assignee?.email).toBeNull();
    expect(saved.updatedBy?.id).toBe(w.editor.id);

    const after = await getReviewView(w.otherEditor, w.reviewId);
    expect(assignmentIn(after.assignments)).toMatchObject({ status: "IN_PROGRESS", version: 1, assignee: { id: w.teammate.id } });

    const changed = await setConcernAssignment(ctxOf(w.teammate), w.reviewId, CONCERN, input(w.editor, "DONE", 1));
    expect(changed).toMatchObject({ status: "DONE", version: 2, assignee: { id: w.editor.id } });

    const rows = await db().auditEvent.findMany({
      where: { reviewId: w.reviewId, action: "concern.assign" },
      orderBy: { id: "asc" },
      select: { actorId: true, entityType: true, entityId: true, before: true, after: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorId: w.editor.id,
      entityType: "concern",
      entityId: `${w.reviewId}/${CONCERN}`,
      before: null,
      after: { concernKey: CONCERN, status: "IN_PROGRESS", assigneeEmail: w.teammate.email, version: 1 },
    });
    expect(rows[1]).toMatchObject({
      actorId: w.teammate.id,
      before: { status: "IN_PROGRESS", assigneeEmail: w.teammate.email, version: 1 },
      after: { status: "DONE", assigneeEmail: w.editor.email, version: 2 },
    });
    // The history shows people by name to everyone who may not read addresses.
    const history = await listReviewHistory(w.viewer, w.reviewId);
    expect(history.find((e) => e.action === "concern.assign")?.after).toMatchObject({ assignee: w.editor.name });

    // Unassigning keeps the status; saving the same thing again writes nothing.
    const unassigned = await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(null, "DONE", 2));
    expect(unassigned).toMatchObject({ assignee: null, status: "DONE", version: 3 });
    const same = await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(null, "DONE", 3));
    expect(same.version).toBe(3);
    expect(await db().auditEvent.count({ where: { reviewId: w.reviewId, action: "concern.assign" } })).toBe(3);
  });

  it("lets only editors of the owning team assign, and only while the review is a draft", async () => {
    const w = await world();
    for (const outsider of [w.otherEditor, w.approver, w.viewer]) {
      const refused = await appError(setConcernAssignment(ctxOf(outsider), w.reviewId, CONCERN, input(w.teammate, "IN_PROGRESS", 0)));
      expect(refused.code).toBe("FORBIDDEN");
    }
    const unknown = await appError(setConcernAssignment(ctxOf(w.editor), w.reviewId, "no-such-concern", input(null, "DONE", 0)));
    expect(unknown.code).toBe("NOT_FOUND");

    await submitReview(ctxOf(w.editor), w.reviewId, 1);
    const closed = await appError(setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "IN_PROGRESS", 0)));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.message).toMatch(/submitted/);
    expect(await db().concernAssignment.count({ where: { reviewId: w.reviewId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { reviewId: w.reviewId, action: "concern.assign" } })).toBe(0);
  });

  it("refuses assignees who are not editors of the owning team, as a field error", async () => {
    const w = await world();
    const memberViewer = await createViewer("VIEWER", [w.teamId], "member-viewer");
    const disabled = await createViewer("EDITOR", [w.teamId], "disabled");
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const admin = await createViewer("ADMIN", [], "admin");
    const ghost = { ...w.teammate, id: "00000000-0000-4000-8000-000000000000" };
    for (const assignee of [w.otherEditor, w.approver, memberViewer, disabled, admin, ghost]) {
      const refused = await appError(setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(assignee, "IN_PROGRESS", 0)));
      expect(refused.code, assignee.name).toBe("VALIDATION");
      expect(refused.details?.fieldErrors).toEqual({ assignee: ["Choose an editor of the team that owns this service"] });
    }

    // An approver on the team can edit its reviews, so can be assigned; the list offers exactly the eligible people.
    const editors = await listAssignableEditors(w.editor, w.teamId);
    expect(editors.map((p) => p.id).sort()).toEqual([w.editor.id, w.teammate.id, w.insideApprover.id].sort());
    expect(editors.every((p) => p.email === null)).toBe(true);
    const saved = await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.insideApprover, "NOT_STARTED", 0));
    expect(saved.assignee?.id).toBe(w.insideApprover.id);
  });

  it("refuses a stale version with the assignment as it is now, also when two first assignments race", async () => {
    const w = await world();
    await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "IN_PROGRESS", 0));
    const stale = await appError(setConcernAssignment(ctxOf(w.teammate), w.reviewId, CONCERN, input(w.editor, "DONE", 0)));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details?.reason).toBe("STALE_VERSION");
    expect(stale.details?.current).toMatchObject({ version: 1, status: "IN_PROGRESS", assignee: { id: w.teammate.id } });

    const other = "logging";
    const results = await Promise.allSettled([
      setConcernAssignment(ctxOf(w.editor), w.reviewId, other, input(w.editor, "IN_PROGRESS", 0)),
      setConcernAssignment(ctxOf(w.teammate), w.reviewId, other, input(w.teammate, "IN_PROGRESS", 0)),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: "CONFLICT", details: { reason: "STALE_VERSION", current: { version: 1 } } });
    const stored = assignmentIn(await listConcernAssignments(w.viewer, w.reviewId), other);
    expect(stored?.version).toBe(1);
  });

  it("starts a not-started concern on its first answer, keeping the assignee, and never moves it back", async () => {
    const w = await world();
    await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "NOT_STARTED", 0));
    const itemKey = firstItemOf(w);
    await setAnswer(ctxOf(w.teammate), w.reviewId, itemKey, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    const started = assignmentIn(await listConcernAssignments(w.editor, w.reviewId));
    expect(started).toMatchObject({ status: "IN_PROGRESS", version: 2, assignee: { id: w.teammate.id } });
    const audit = await db().auditEvent.findFirst({
      where: { reviewId: w.reviewId, action: "concern.start" },
      select: { actorId: true, after: true },
    });
    expect(audit).toMatchObject({ actorId: w.teammate.id, after: { concernKey: CONCERN, status: "IN_PROGRESS", version: 2 } });

    // A concern nobody touched gets its row from its first answer.
    const loggingItem = firstItemOf(w, "logging");
    await setAnswer(ctxOf(w.editor), w.reviewId, loggingItem, setAnswerInput.parse({ status: "PARTIAL", expectedVersion: null }));
    expect(assignmentIn(await listConcernAssignments(w.editor, w.reviewId), "logging")).toMatchObject({
      status: "IN_PROGRESS",
      version: 1,
      assignee: null,
    });

    // Done stays done when someone answers again.
    await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "DONE", 2));
    await setAnswer(ctxOf(w.editor), w.reviewId, itemKey, setAnswerInput.parse({ status: "PARTIAL", expectedVersion: 1 }));
    expect(assignmentIn(await listConcernAssignments(w.editor, w.reviewId))).toMatchObject({ status: "DONE", version: 3 });
    expect(await db().auditEvent.count({ where: { reviewId: w.reviewId, action: "concern.start" } })).toBe(2);
  });

  it("allows done with items still unanswered and counts them", async () => {
    const w = await world();
    const applicable = w.template.items.filter((i) => i.concernKey === CONCERN && i.tiers.includes(3));
    const done = await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.editor, "DONE", 0));
    expect(done).toMatchObject({ status: "DONE", openItems: applicable.length });
    await setAnswer(ctxOf(w.editor), w.reviewId, firstItemOf(w), setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    const again = await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "DONE", 1));
    expect(again.openItems).toBe(applicable.length - 1);
    const audit = await db().auditEvent.findFirst({
      where: { reviewId: w.reviewId, action: "concern.assign" },
      orderBy: { id: "desc" },
      select: { after: true },
    });
    expect(audit?.after).toMatchObject({ status: "DONE", openItems: applicable.length - 1 });
  });

  it("lists each editor's own assignments in draft reviews", async () => {
    const w = await world();
    expect(await assignedToViewer(w.teammate)).toEqual([]);
    await setConcernAssignment(ctxOf(w.editor), w.reviewId, "logging", input(w.teammate, "IN_PROGRESS", 0));
    await setConcernAssignment(ctxOf(w.editor), w.reviewId, CONCERN, input(w.teammate, "NOT_STARTED", 0));
    await setConcernAssignment(ctxOf(w.editor), w.reviewId, "security", input(w.editor, "NOT_STARTED", 0));

    const mine = await assignedToViewer(w.teammate);
    expect(mine).toHaveLength(1);
    const order = w.template.concerns.map((c) => c.key);
    expect(mine[0]).toMatchObject({ reviewId: w.reviewId, service: { slug: expect.any(String) } });
    expect(mine[0]?.concerns.map((c) => c.key)).toEqual([CONCERN, "logging"].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(mine[0]?.concerns.find((c) => c.key === "logging")).toMatchObject({ status: "IN_PROGRESS", title: expect.any(String) });

    // Another team's editor sees none of it; once the review is submitted it is no longer anyone's open work.
    expect(await assignedToViewer(await createViewer("EDITOR", [(await createTeam("elsewhere")).id]))).toEqual([]);
    await submitReview(ctxOf(w.editor), w.reviewId, 1);
    expect(await assignedToViewer(w.teammate)).toEqual([]);
  });
});

describe("the concern assignment form's schema", () => {
  it("reads the posted fields, with a blank assignee as nobody and a missing version as a stale form", () => {
    const parsed = concernAssignmentForm.parse({ reviewId: "r", concernKey: "health", assignee: "", status: "DONE", expectedVersion: "0" });
    expect(parsed).toEqual({ reviewId: "r", concernKey: "health", assignee: null, status: "DONE", expectedVersion: 0 });
    const bad = concernAssignmentForm.safeParse({ reviewId: "r", concernKey: "health", assignee: "x", status: "LATER" });
    expect(bad.success).toBe(false);
    expect(Object.keys(bad.error?.flatten().fieldErrors ?? {}).sort()).toEqual(["assignee", "expectedVersion", "status"]);
  });
});
