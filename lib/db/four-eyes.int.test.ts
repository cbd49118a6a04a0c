import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import { decideReview, reopenReview, submitReview } from "@/lib/db/decisions";
import { addEvidence } from "@/lib/db/evidence";
import { todayUtc } from "@/lib/db/review-access";
import {
  ADMIN_READER,
  appError,
  createService,
  createViewer,
  ctxOf,
  createReviewWorld,
  itemKeys,
  type ReviewWorld,
} from "@/lib/db/review-test-fixtures";
import { getReviewView, listReviewHistory, startReview } from "@/lib/db/reviews";
import { approveWaiver, rejectWaiver, requestWaiver, revokeWaiver } from "@/lib/db/waivers";
import { addDays } from "@/lib/domain/days";
import { decisionInput, evidenceInput, setAnswerInput, startReviewInput, waiverRequestInput } from "@/lib/schemas/review";

afterAll(closeDb);

// The four-eyes rule holds for every role, admins included: whoever started, answered or signed a review never
// decides it, and whoever asked for a waiver never approves or rejects it. A refused try stays in the audit log.

const outsideAdmin = () => createViewer("ADMIN", [], "outside-admin");

function decide(viewer: Viewer, w: ReviewWorld, version: number) {
  return decideReview(ctxOf(viewer), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version }));
}

async function answer(viewer: Viewer, w: ReviewWorld, key: string, status: "MET" | "NOT_MET" = "NOT_MET") {
  return setAnswer(ctxOf(viewer), w.reviewId, key, setAnswerInput.parse({ status, expectedVersion: null }));
}

function waiverFor(viewer: Viewer, w: ReviewWorld, key: string) {
  return requestWaiver(
    ctxOf(viewer),
    w.reviewId,
    key,
    waiverRequestInput.parse({ reason: "r", compensatingControl: "c", riskOwner: "o", expiresOn: addDays(todayUtc(), 30) }),
  );
}

async function refusals(reviewId: string, action: string) {
  return (await listReviewHistory(ADMIN_READER, reviewId)).filter((event) => event.action === action);
}

describe("four eyes on decisions", () => {
  it("refuses an admin from outside the team who answered an item, even after the team answered over it", async () => {
    const w = await createReviewWorld();
    const admin = await outsideAdmin();
    const key = itemKeys(w.template, 3)[0] as string;
    const theirs = await answer(admin, w, key);
    // The answer now names the editor as its last answerer; the audit log still knows who answered first.
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: theirs.version }));
    const { version } = await submitReview(ctxOf(w.editor), w.reviewId, 1);

    const refused = await appError(decide(admin, w, version));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.status).toBe(403);
    expect(refused.message).toBe("You answered items in this review, so someone else must decide it.");
    expect(refused.details).toMatchObject({ reason: "FOUR_EYES" });
    const row = await db().review.findUniqueOrThrow({ where: { id: w.reviewId }, select: { status: true, version: true } });
    expect(row).toEqual({ status: "SUBMITTED", version });

    const [event, ...more] = await refusals(w.reviewId, "review.decide.refused");
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actor: expect.objectContaining({ email: admin.email }),
      entityType: "review",
      entityId: w.reviewId,
      after: { status: "SUBMITTED", version, reason: "You answered items in this review, so someone else must decide it." },
    });
    const view = await getReviewView(admin, w.reviewId);
    expect(view.permissions).toMatchObject({ canDecide: false, decideRefusal: refused.message });

    // A clean outside approver still decides.
    expect(await decide(w.approver, w, version)).toMatchObject({ status: "DECIDED", decision: "NO_GO" });
  });

  it("counts evidence as answering and refuses whoever started the review", async () => {
    const w = await createReviewWorld();
    const admin = await outsideAdmin();
    const key = itemKeys(w.template, 3)[0] as string;
    await answer(w.editor, w, key);
    await addEvidence(ctxOf(admin), w.reviewId, key, evidenceInput.parse({ url: "https://example.com/runbook", title: "Runbook" }));
    const { version } = await submitReview(ctxOf(w.editor), w.reviewId, 1);
    expect((await appError(decide(admin, w, version))).message).toBe("You answered items in this review, so someone else must decide it.");

    const starter = await outsideAdmin();
    const service = await createService(w.teamId);
    const started = await startReview(ctxOf(starter), service.id, startReviewInput.parse({ trigger: "MAJOR_RELEASE" }));
    const second = await submitReview(ctxOf(w.editor), started.id, 1);
    const refused = await appError(
      decideReview(ctxOf(starter), started.id, decisionInput.parse({ decision: "NO_GO", expectedVersion: second.version })),
    );
    expect(refused.message).toBe("You started this review, so someone else must decide it.");
  });

  it("refuses whoever signed the review, even after it was reopened and signed again by someone else", async () => {
    const w = await createReviewWorld();
    const admin = await outsideAdmin();
    const signed = await submitReview(ctxOf(admin), w.reviewId, 1);
    expect((await appError(decide(admin, w, signed.version))).message).toBe(
      "You signed this review as owner, so someone else must decide it.",
    );
    const reopened = await reopenReview(ctxOf(w.editor), w.reviewId, signed.version);
    const again = await submitReview(ctxOf(w.editor), w.reviewId, reopened.version);
    const refused = await appError(decide(admin, w, again.version));
    expect(refused.message).toBe("You signed this review as owner, so someone else must decide it.");
    expect(await refusals(w.reviewId, "review.decide.refused")).toHaveLength(2);
    expect(await decide(w.approver, w, again.version)).toMatchObject({ status: "DECIDED" });
  });

  it("keeps the plain role refusal for people who may never decide, without a four-eyes audit entry", async () => {
    const w = await createReviewWorld();
    const { version } = await submitReview(ctxOf(w.editor), w.reviewId, 1);
    const refused = await appError(decide(w.otherEditor, w, version));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.details?.reason).toBeUndefined();
    const inside = await appError(decide(w.insideApprover, w, version));
    expect(inside.message).toBe("You are on the team that owns this service, so someone from another team must decide.");
    expect((await refusals(w.reviewId, "review.decide.refused")).map((e) => e.actor?.email)).toEqual([w.insideApprover.email]);
  });
});

describe("four eyes on waivers", () => {
  it("refuses an admin who asked for the waiver, lets another outside approver decide it, and lets the requester revoke it", async () => {
    const w = await createReviewWorld();
    const admin = await outsideAdmin();
    const [a, b] = itemKeys(w.template, 3) as [string, string];
    await answer(w.editor, w, a);
    await answer(w.editor, w, b);
    const mine = await waiverFor(admin, w, a);
    const other = await waiverFor(w.editor, w, b);

    const approve = await appError(approveWaiver(ctxOf(admin), w.reviewId, mine.id));
    expect(approve.code).toBe("FORBIDDEN");
    expect(approve.message).toBe("You asked for this waiver, so someone else must approve or reject it.");
    const reject = await appError(rejectWaiver(ctxOf(admin), w.reviewId, mine.id));
    expect(reject.message).toBe(approve.message);
    expect((await db().waiver.findUniqueOrThrow({ where: { id: mine.id }, select: { status: true } })).status).toBe("PENDING");

    const history = await listReviewHistory(ADMIN_READER, w.reviewId);
    expect(history.filter((e) => e.action === "waiver.approve.refused")).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ email: admin.email }),
        entityType: "waiver",
        entityId: mine.id,
        after: expect.objectContaining({ reason: approve.message }),
      }),
    ]);
    expect(history.filter((e) => e.action === "waiver.reject.refused")).toHaveLength(1);

    const view = await getReviewView(admin, w.reviewId);
    expect(view.permissions.waiverRefusals).toEqual({ [mine.id]: approve.message });

    // The same admin may still approve a waiver someone else asked for, and another approver approves theirs.
    expect(await approveWaiver(ctxOf(admin), w.reviewId, other.id)).toMatchObject({ status: "APPROVED" });
    expect(await approveWaiver(ctxOf(w.approver), w.reviewId, mine.id)).toMatchObject({ status: "APPROVED" });
    expect(await revokeWaiver(ctxOf(admin), w.reviewId, mine.id)).toMatchObject({ status: "REVOKED" });
  });
});
