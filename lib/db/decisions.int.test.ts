import { afterAll, describe, expect, it } from "vitest";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import { decideReview, reopenReview, submitReview } from "@/lib/db/decisions";
import { addEvidence } from "@/lib/db/evidence";
import { todayUtc } from "@/lib/db/review-access";
import { ADMIN_READER, appError, ctxOf, createReviewWorld, itemKeys, type ReviewWorld } from "@/lib/db/review-test-fixtures";
import { getReviewView, listReviewHistory } from "@/lib/db/reviews";
import { approveWaiver, requestWaiver } from "@/lib/db/waivers";
import { addDays } from "@/lib/domain/days";
import { decisionInput, evidenceInput, setAnswerInput, waiverRequestInput } from "@/lib/schemas/review";

afterAll(closeDb);

/** Answers the item NOT_MET, asks for a waiver on it and has an outside approver approve it. */
async function approvedWaiver(
  w: ReviewWorld,
  key: string,
  request: { reason: string; compensatingControl: string; riskOwner: string; days: number },
) {
  await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null }));
  const { days, ...fields } = request;
  const waiver = await requestWaiver(
    ctxOf(w.editor),
    w.reviewId,
    key,
    waiverRequestInput.parse({ ...fields, expiresOn: addDays(todayUtc(), days) }),
  );
  return approveWaiver(ctxOf(w.approver), w.reviewId, waiver.id);
}

/** Answers every tier-3 item MET, so the computed verdict is GO. */
async function answerAllMet(w: ReviewWorld): Promise<void> {
  for (const key of itemKeys(w.template, 3)) {
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
  }
}

async function submitted(w: ReviewWorld): Promise<number> {
  const review = await submitReview(ctxOf(w.editor), w.reviewId, 1);
  return review.version;
}

describe("submitReview / reopenReview", () => {
  it("lets the owning team sign and reopen, and makes a submitted review read-only for answers", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    expect((await appError(submitReview(ctxOf(w.otherEditor), w.reviewId, 1))).code).toBe("FORBIDDEN");
    const version = await submitted(w);
    expect(version).toBe(2);
    const locked = await appError(
      setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: null })),
    );
    expect(locked.code).toBe("CONFLICT");
    expect(locked.message).toMatch(/^This review was submitted/);
    expect((await appError(reopenReview(ctxOf(w.editor), w.reviewId, 1))).code).toBe("CONFLICT");
    const reopened = await reopenReview(ctxOf(w.editor), w.reviewId, version);
    expect(reopened).toMatchObject({ status: "DRAFT", version: 3 });
  });
});

describe("decideReview", () => {
  it("refuses a decision looser than the computed verdict and says a waiver is needed", async () => {
    const w = await createReviewWorld();
    const version = await submitted(w);
    const error = await appError(
      decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "GO", expectedVersion: version })),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.details?.computedVerdict).toBe("NO_GO");
    expect(error.message).toMatch(/never looser/);
    expect(error.message).toMatch(/waiver/);
    const conditional = await appError(
      decideReview(
        ctxOf(w.approver),
        w.reviewId,
        decisionInput.parse({ decision: "CONDITIONAL_GO", note: "please", expectedVersion: version }),
      ),
    );
    expect(conditional.code).toBe("VALIDATION");
    expect((await db().review.findUniqueOrThrow({ where: { id: w.reviewId }, select: { status: true } })).status).toBe("SUBMITTED");
  });

  it("refuses an approver who is on the owning team, an editor, and a draft review", async () => {
    const w = await createReviewWorld();
    const draft = await appError(
      decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: 1 })),
    );
    expect(draft.code).toBe("CONFLICT");
    const version = await submitted(w);
    const inside = await appError(
      decideReview(ctxOf(w.insideApprover), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version })),
    );
    expect(inside.code).toBe("FORBIDDEN");
    const editor = await appError(
      decideReview(ctxOf(w.otherEditor), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version })),
    );
    expect(editor.code).toBe("FORBIDDEN");
  });

  it("allows a stricter decision with a note and records GO when everything is met", async () => {
    const w = await createReviewWorld();
    await answerAllMet(w);
    const version = await submitted(w);
    const noNote = await appError(
      decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version })),
    );
    expect(noNote.details?.fieldErrors).toHaveProperty("note");
    const decided = await decideReview(
      ctxOf(w.approver),
      w.reviewId,
      decisionInput.parse({
        decision: "NO_GO",
        note: "Launch freeze",
        expectedVersion: version,
      }),
    );
    expect(decided).toMatchObject({ status: "DECIDED", decision: "NO_GO", computedVerdict: "GO" });
    const row = await db().review.findUniqueOrThrow({
      where: { id: w.reviewId },
      select: { decision: true, computedVerdict: true, level: true, targetLevel: true, decidedById: true },
    });
    expect(row).toEqual({ decision: "NO_GO", computedVerdict: "GO", level: 4, targetLevel: 1, decidedById: w.approver.id });
  });

  it("writes the review's summary and the service's latest-decision columns in the deciding transaction", async () => {
    const w = await createReviewWorld();
    await answerAllMet(w);
    const version = await submitted(w);
    await decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "GO", expectedVersion: version }));
    const review = await db().review.findUniqueOrThrow({
      where: { id: w.reviewId },
      select: { applicableCount: true, metCount: true, notMetCount: true, unansweredCount: true, openBlockerCount: true, decidedAt: true },
    });
    expect(review.applicableCount).toBe(w.template.items.filter((i) => i.tiers.includes(3)).length);
    expect(review).toMatchObject({ metCount: review.applicableCount, notMetCount: 0, unansweredCount: 0, openBlockerCount: 0 });
    const service = await db().service.findUniqueOrThrow({
      where: { id: w.serviceId },
      select: { lastReviewId: true, currentLevel: true, currentVerdict: true, lastDecidedAt: true, openBlockers: true },
    });
    expect(service).toEqual({
      lastReviewId: w.reviewId,
      currentLevel: 4,
      currentVerdict: "GO",
      lastDecidedAt: review.decidedAt,
      openBlockers: 0,
    });
  });

  it("freezes a decided review: every change is refused and the snapshot and view stay as decided", async () => {
    const w = await createReviewWorld();
    const [metKey, openKey] = itemKeys(w.template, 3) as [string, string];
    const answer = await setAnswer(
      ctxOf(w.editor),
      w.reviewId,
      metKey,
      setAnswerInput.parse({ status: "MET", note: "yes", expectedVersion: null }),
    );
    await addEvidence(
      ctxOf(w.editor),
      w.reviewId,
      metKey,
      evidenceInput.parse({ url: "https://ci.example/run/1", title: "CI run", kind: "TEST_RUN" }),
    );
    await approvedWaiver(w, openKey, {
      reason: "Vendor fix pending",
      compensatingControl: "Manual check daily",
      riskOwner: "CTO",
      days: 30,
    });
    const version = await submitted(w);
    const decided = await decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version }));
    expect(decided.snapshot.answers.find((a) => a.itemKey === metKey)).toMatchObject({
      status: "MET",
      note: "yes",
      answeredByEmail: w.editor.email,
      evidence: [{ url: "https://ci.example/run/1", title: "CI run", kind: "TEST_RUN" }],
    });
    expect(decided.snapshot.waivers).toEqual([
      expect.objectContaining({ itemKey: openKey, status: "APPROVED", approvedByEmail: w.approver.email }),
    ]);
    const before = await db().review.findUniqueOrThrow({ where: { id: w.reviewId }, select: { snapshot: true, version: true } });

    const refusals = await Promise.all([
      appError(
        setAnswer(ctxOf(w.editor), w.reviewId, metKey, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: answer.version })),
      ),
      appError(addEvidence(ctxOf(w.editor), w.reviewId, metKey, evidenceInput.parse({ url: "https://x.example", title: "late" }))),
      appError(
        requestWaiver(
          ctxOf(w.editor),
          w.reviewId,
          metKey,
          waiverRequestInput.parse({
            reason: "r",
            compensatingControl: "c",
            riskOwner: "o",
            expiresOn: addDays(todayUtc(), 10),
          }),
        ),
      ),
      appError(reopenReview(ctxOf(w.editor), w.reviewId, before.version)),
      appError(decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: before.version }))),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"]);
    expect(refusals[0]?.message).toMatch(/decided/);

    // Later changes outside the review (a new tier) cannot move what was decided either.
    await db().service.update({ where: { id: w.serviceId }, data: { tier: 1 } });
    const after = await db().review.findUniqueOrThrow({ where: { id: w.reviewId }, select: { snapshot: true, version: true } });
    expect(after).toEqual(before);
    const view = await getReviewView(w.viewer, w.reviewId);
    expect(view.evaluation).toMatchObject({ isFrozen: true, tier: 3, target: decided.snapshot.target, level: decided.snapshot.level });
    expect(view.evaluation.reasons).toEqual(decided.snapshot.reasons);
  });

  it("writes sign-off, waiver and decision events with before and after", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    await approvedWaiver(w, key, { reason: "r", compensatingControl: "c", riskOwner: "owner", days: 10 });
    const version = await submitted(w);
    await decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version }));

    const history = await listReviewHistory(ADMIN_READER, w.reviewId);
    const find = (action: string) => history.find((e) => e.action === action);
    expect(find("waiver.request")).toMatchObject({
      actor: expect.objectContaining({ email: w.editor.email }),
      before: null,
      after: { itemKey: key, status: "PENDING" },
    });
    expect(find("waiver.approve")).toMatchObject({
      actor: expect.objectContaining({ email: w.approver.email }),
      before: { status: "PENDING" },
      after: { status: "APPROVED" },
    });
    expect(find("review.submit")).toMatchObject({ before: { status: "DRAFT", version: 1 }, after: { status: "SUBMITTED", version: 2 } });
    expect(find("review.decide")).toMatchObject({
      actor: expect.objectContaining({ email: w.approver.email }),
      before: { status: "SUBMITTED" },
      after: { status: "DECIDED", decision: "NO_GO", computedVerdict: "NO_GO" },
    });
  });
});
