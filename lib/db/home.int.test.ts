import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { setAnswer } from "@/lib/db/answers";
import { closeDb } from "@/lib/db/client";
import { decideReview, submitReview } from "@/lib/db/decisions";
import { getDecisionQueue, getTeamWork } from "@/lib/db/home";
import { todayUtc } from "@/lib/db/review-access";
import {
  createDecidedReview,
  createDecidedReviewWithAnswers,
  createReviewWorld,
  createService,
  createTeam,
  createViewer,
  ctxOf,
  itemKeys,
  type ReviewWorld,
} from "@/lib/db/review-test-fixtures";
import { startReview } from "@/lib/db/reviews";
import { getLatestTemplateId, getTemplate } from "@/lib/db/templates";
import { approveWaiver, requestWaiver } from "@/lib/db/waivers";
import { addDays } from "@/lib/domain/days";
import { decisionInput, setAnswerInput, startReviewInput, waiverRequestInput } from "@/lib/schemas/review";

afterAll(closeDb);

// Each role's home: the data behind it, scoped by who asks. The database holds other tests' rows too, so these
// tests look for their own reviews and waivers rather than counting everything.

const GO = { level: 3, computedVerdict: "GO", decision: "GO" } as const;

function answer(viewer: Viewer, w: ReviewWorld, key: string, status: "MET" | "NOT_MET" = "NOT_MET") {
  return setAnswer(ctxOf(viewer), w.reviewId, key, setAnswerInput.parse({ status, expectedVersion: null }));
}

function askWaiver(viewer: Viewer, reviewId: string, key: string) {
  const terms = { reason: "Vendor fix ships next sprint", compensatingControl: "Manual check", riskOwner: "Lead" };
  return requestWaiver(ctxOf(viewer), reviewId, key, waiverRequestInput.parse({ ...terms, expiresOn: addDays(todayUtc(), 30) }));
}

describe("an editor's home", () => {
  it("lists the team's open reviews with progress and where to continue, and due services with or without a review", async () => {
    const w = await createReviewWorld(3);
    const keys = itemKeys(w.template, 3);
    await answer(w.editor, w, keys[0]!, "MET");
    await answer(w.editor, w, keys[1]!, "MET");
    const due = await createService(w.teamId, 2);
    const fresh = await createService(w.teamId, 2);
    await createDecidedReview({ serviceId: fresh.id, templateId: w.template.id, decidedAt: new Date(Date.now() - 5 * 86_400_000), ...GO });
    const stale = await createService(w.teamId, 1);
    await createDecidedReview({ serviceId: stale.id, templateId: w.template.id, decidedAt: new Date(Date.now() - 91 * 86_400_000), ...GO });

    const work = await getTeamWork(w.editor);
    expect(work.teams.map((team) => team.id)).toEqual([w.teamId]);
    expect(work.reviews).toHaveLength(1);
    const review = work.reviews[0]!;
    expect(review).toMatchObject({ id: w.reviewId, status: "DRAFT", service: { id: w.serviceId, team: { id: w.teamId } } });
    expect(review.progress).toEqual({ answered: 2, total: keys.length, awaitingConfirmation: 0 });
    const firstConcern = w.template.items.find((item) => item.key === keys[0])!.concernKey;
    expect(review.nextConcern?.key).toBe(firstConcern);
    expect(review.nextConcern?.title).toBe(w.template.concerns.find((c) => c.key === firstConcern)!.title);

    // The quarterly meeting's rule: never reviewed, stale (over 90 days) and a trigger; not a service decided last week.
    const byId = new Map(work.due.map((service) => [service.id, service]));
    expect(byId.get(due.id)).toMatchObject({ dueReason: "never-reviewed", openReviewId: null });
    expect(byId.get(stale.id)).toMatchObject({ dueReason: "stale", openReviewId: null, daysSinceReview: 91 });
    expect(byId.get(w.serviceId)).toMatchObject({ dueReason: "trigger", openReviewId: w.reviewId });
    expect(byId.has(fresh.id)).toBe(false);

    // Nothing of another team, whose editor sees only their own.
    const theirs = await getTeamWork(w.otherEditor);
    expect(theirs.reviews.map((r) => r.id)).not.toContain(w.reviewId);
    expect(theirs.due.map((s) => s.id)).not.toContain(due.id);
  });

  it("counts carried answers as waiting, not answered, until someone confirms them", async () => {
    const team = await createTeam("home-carry");
    const editor = await createViewer("EDITOR", [team.id], "editor");
    const service = await createService(team.id, 3);
    await createDecidedReviewWithAnswers(service.id, editor.id);
    const started = await startReview(ctxOf(editor), service.id, startReviewInput.parse({ trigger: "QUARTERLY", carryForward: true }));
    const template = (await getTemplate((await getLatestTemplateId())!))!;
    const applicable = itemKeys(template, 3).length;

    const [review] = (await getTeamWork(editor)).reviews;
    expect(review?.id).toBe(started.id);
    expect(review?.progress).toEqual({ answered: 0, total: applicable, awaitingConfirmation: applicable });
    expect(review?.nextConcern).not.toBeNull();
  });

  it("is empty for a viewer on a team, and for an editor on no team", async () => {
    const w = await createReviewWorld();
    const teamViewer = await createViewer("VIEWER", [w.teamId], "team-viewer");
    const loneEditor = await createViewer("EDITOR", [], "lone-editor");
    for (const viewer of [teamViewer, loneEditor]) {
      expect(await getTeamWork(viewer)).toMatchObject({ teams: [], reviews: [], due: [] });
      expect(await getDecisionQueue(viewer)).toEqual({ reviews: [], waivers: [], isTruncated: false });
    }
  });
});

describe("an approver's home", () => {
  it("lists submitted reviews and pending waivers of other teams, never their own team's (four eyes)", async () => {
    const w = await createReviewWorld();
    const keys = itemKeys(w.template, 3);
    await askWaiver(w.editor, w.reviewId, keys[0]!);
    await submitReview(ctxOf(w.editor), w.reviewId, 1);

    const outside = await getDecisionQueue(w.approver);
    const queued = outside.reviews.find((r) => r.reviewId === w.reviewId);
    expect(queued).toMatchObject({ service: { team: { id: w.teamId } }, submittedBy: w.editor.name, namesViewer: false });
    const waiver = outside.waivers.find((x) => x.reviewId === w.reviewId);
    expect(waiver).toMatchObject({
      reason: "Vendor fix ships next sprint",
      requestedBy: w.editor.name,
      expiresOn: addDays(todayUtc(), 30),
    });
    expect(waiver?.itemTitle).toBe(w.template.items.find((item) => item.key === keys[0])!.title);

    // The approver on the owning team may decide neither the review nor its waivers.
    const inside = await getDecisionQueue(w.insideApprover);
    expect(inside.reviews.map((r) => r.reviewId)).not.toContain(w.reviewId);
    expect(inside.waivers.map((x) => x.reviewId)).not.toContain(w.reviewId);
  });

  it("leaves out a review the approver answered in, and a waiver they asked for, but keeps them for another approver", async () => {
    const w = await createReviewWorld();
    const keys = itemKeys(w.template, 3);
    // An admin from outside the team may edit, so they can answer and ask for a waiver; four eyes then keeps them out.
    const admin = await createViewer("ADMIN", [], "outside-admin");
    await answer(admin, w, keys[0]!);
    const waiver = await askWaiver(admin, w.reviewId, keys[1]!);
    await submitReview(ctxOf(w.editor), w.reviewId, 1);

    const theirs = await getDecisionQueue(admin);
    expect(theirs.reviews.map((r) => r.reviewId)).not.toContain(w.reviewId);
    expect(theirs.waivers.map((x) => x.waiverId)).not.toContain(waiver.id);
    const others = await getDecisionQueue(w.approver);
    expect(others.reviews.map((r) => r.reviewId)).toContain(w.reviewId);
    expect(others.waivers.map((x) => x.waiverId)).toContain(waiver.id);
  });

  it("puts reviews that name the approver first and drops what has been decided", async () => {
    const w = await createReviewWorld();
    const named = await createService(w.teamId, 3);
    const namedReview = await startReview(
      ctxOf(w.editor),
      named.id,
      startReviewInput.parse({ trigger: "QUARTERLY", reviewerIds: [w.approver.id] }),
    );
    const key = itemKeys(w.template, 3)[0]!;
    const waiver = await askWaiver(w.editor, w.reviewId, key);
    await submitReview(ctxOf(w.editor), namedReview.id, 1);
    const { version } = await submitReview(ctxOf(w.editor), w.reviewId, 1);

    const queue = await getDecisionQueue(w.approver);
    expect(queue.reviews[0]).toMatchObject({ reviewId: namedReview.id, namesViewer: true });
    expect(queue.reviews.map((r) => r.reviewId)).toContain(w.reviewId);

    await approveWaiver(ctxOf(w.approver), w.reviewId, waiver.id);
    await decideReview(
      ctxOf(w.approver),
      w.reviewId,
      decisionInput.parse({ decision: "NO_GO", note: "Not ready yet", expectedVersion: version }),
    );
    const after = await getDecisionQueue(w.approver);
    expect(after.reviews.map((r) => r.reviewId)).not.toContain(w.reviewId);
    expect(after.waivers.map((x) => x.waiverId)).not.toContain(waiver.id);
  });

  it("is empty for an editor, who decides nothing", async () => {
    const w = await createReviewWorld();
    await submitReview(ctxOf(w.editor), w.reviewId, 1);
    expect(await getDecisionQueue(w.otherEditor)).toEqual({ reviews: [], waivers: [], isTruncated: false });
  });
});
