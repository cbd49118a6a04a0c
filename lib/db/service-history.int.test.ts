import { afterAll, describe, expect, it } from "vitest";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import { decideReview, submitReview } from "@/lib/db/decisions";
import { todayUtc } from "@/lib/db/review-access";
import { appError, createReviewWorld, createViewer, ctxOf, itemKeys, type ReviewWorld } from "@/lib/db/review-test-fixtures";
import { startReview } from "@/lib/db/reviews";
import { getReviewReport } from "@/lib/db/review-report";
import { getReviewDiff, getServiceHistory } from "@/lib/db/service-history";
import type { AnswerStatus } from "@/lib/domain/types";
import { decisionInput, setAnswerInput, startReviewInput } from "@/lib/schemas/review";

afterAll(closeDb);

type Answer = { status: AnswerStatus; naReason?: string };

/** Answers every tier-3 item (MET unless overridden), signs it off and has an outside approver decide it. */
async function answerAndDecide(w: ReviewWorld, reviewId: string, overrides: Record<string, Answer>): Promise<void> {
  for (const key of itemKeys(w.template, 3)) {
    await setAnswer(
      ctxOf(w.editor),
      reviewId,
      key,
      setAnswerInput.parse({ ...(overrides[key] ?? { status: "MET" }), expectedVersion: null }),
    );
  }
  const { version } = await submitReview(ctxOf(w.editor), reviewId, 1);
  // NO_GO is never looser than the computed verdict, so it is always allowed (with a note).
  await decideReview(
    ctxOf(w.approver),
    reviewId,
    decisionInput.parse({ decision: "NO_GO", note: "History test", expectedVersion: version }),
  );
}

/** Two decided reviews of one service: one item gets worse, one only changes (MET → N/A), one gets better. */
async function twoDecidedReviews() {
  const w = await createReviewWorld(3);
  const [regressed, changed, improved] = itemKeys(w.template, 3, { blockers: false }) as [string, string, string];
  await answerAndDecide(w, w.reviewId, { [improved]: { status: "NOT_MET" } });
  const second = await startReview(ctxOf(w.editor), w.serviceId, startReviewInput.parse({ trigger: "QUARTERLY" }));
  await answerAndDecide(w, second.id, {
    [regressed]: { status: "NOT_MET" },
    [changed]: { status: "NOT_APPLICABLE", naReason: "No such component any more" },
  });
  return { w, first: w.reviewId, second: second.id, regressed, changed, improved };
}

describe("getServiceHistory", () => {
  it("lists decided reviews oldest first with their summary, the current level, the target and the last verdict", async () => {
    const { w, first, second } = await twoDecidedReviews();
    const history = await getServiceHistory(w.serviceId);
    expect(history.reviews.map((r) => r.id)).toEqual([first, second]);
    expect(history.reviews[1]).toMatchObject({ trigger: "QUARTERLY", decision: "NO_GO", targetLevel: 1 });
    expect(history.reviews[0]?.decidedAt.getTime()).toBeLessThanOrEqual(history.reviews[1]?.decidedAt.getTime() ?? 0);
    expect(history).toMatchObject({
      tier: 3,
      targetLevel: 1,
      lastVerdict: "NO_GO",
      currentLevel: history.reviews[1]?.level,
      openReview: null,
    });
    expect(history.lastDecidedAt).not.toBeNull();

    // Without the services row's cached summary, the newest decided review says the same.
    await db()
      .$executeRaw`UPDATE services SET last_review_id = NULL, last_decided_at = NULL, current_level = NULL, current_verdict = NULL WHERE id = ${w.serviceId}::uuid`;
    const uncached = await getServiceHistory(w.serviceId);
    expect(uncached).toMatchObject({
      currentLevel: history.currentLevel,
      lastVerdict: "NO_GO",
      lastDecidedAt: history.reviews[1]?.decidedAt,
    });
  });

  it("has nothing to show for a service without decisions, names its open review, and 404s an unknown service", async () => {
    const w = await createReviewWorld(3);
    const history = await getServiceHistory(w.serviceId);
    expect(history).toMatchObject({ reviews: [], currentLevel: null, lastVerdict: null, lastDecidedAt: null });
    expect(history.openReview).toMatchObject({ id: w.reviewId, status: "DRAFT" });
    expect((await appError(getServiceHistory("not-a-uuid"))).code).toBe("NOT_FOUND");
    expect((await appError(getServiceHistory("00000000-0000-4000-8000-000000000000"))).code).toBe("NOT_FOUND");
  });
});

describe("getReviewDiff", () => {
  it("sorts a regression (MET → NOT_MET) first and an improvement last, whichever order the reviews are asked in", async () => {
    const { w, first, second, regressed, changed, improved } = await twoDecidedReviews();
    const diff = await getReviewDiff(w.serviceId, first, second);
    expect(diff.diff.items.map((i) => [i.itemKey, i.before, i.after, i.direction])).toEqual([
      [regressed, "MET", "NOT_MET", "regression"],
      [changed, "MET", "NA", "change"],
      [improved, "NOT_MET", "MET", "improvement"],
    ]);
    expect(diff.diff.summary).toMatchObject({ total: 3, regressions: 1, improvements: 1, changes: 1 });
    expect(diff.before).toMatchObject({ id: first, isFrozen: true });
    expect(diff.after).toMatchObject({ id: second, isFrozen: true });
    expect(diff.concernTitles[diff.diff.items[0]?.concernKey ?? ""]).toEqual(expect.any(String));

    const reversed = await getReviewDiff(w.serviceId, second, first);
    expect(reversed.before.id).toBe(first);
    expect(reversed.diff).toEqual(diff.diff);
  });

  it("reads the answers table when a decided review has no snapshot answers", async () => {
    const { w, first, second } = await twoDecidedReviews();
    const expected = await getReviewDiff(w.serviceId, first, second);
    await db().$executeRaw`UPDATE reviews SET snapshot = NULL WHERE id = ${second}::uuid`;
    const fallback = await getReviewDiff(w.serviceId, first, second);
    expect(fallback.diff).toEqual(expected.diff);
    expect(fallback.levelChange).toEqual(expected.levelChange);
  });

  it("evaluates an open review live, as of today", async () => {
    const { w, second, regressed } = await twoDecidedReviews();
    const open = await startReview(ctxOf(w.editor), w.serviceId, startReviewInput.parse({ trigger: "POST_INCIDENT" }));
    await setAnswer(ctxOf(w.editor), open.id, regressed, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    const diff = await getReviewDiff(w.serviceId, open.id, second);
    expect(diff.before.id).toBe(second);
    expect(diff.after).toMatchObject({ id: open.id, isFrozen: false, evaluatedOn: todayUtc(), level: 0 });
    expect(diff.diff.items.find((i) => i.itemKey === regressed)).toMatchObject({
      before: "NOT_MET",
      after: "MET",
      direction: "improvement",
    });
    // Everything else is unanswered in the draft: regressions, listed first.
    expect(diff.diff.items[0]?.direction).toBe("regression");
    expect(diff.levelChange).toMatchObject({ before: diff.before.level, after: 0 });
  });

  it("refuses reviews of another service and malformed ids as NOT_FOUND", async () => {
    const { w, first } = await twoDecidedReviews();
    const other = await createReviewWorld(3);
    expect((await appError(getReviewDiff(w.serviceId, first, other.reviewId))).code).toBe("NOT_FOUND");
    expect((await appError(getReviewDiff(other.serviceId, first, other.reviewId))).code).toBe("NOT_FOUND");
    expect((await appError(getReviewDiff(w.serviceId, first, "nope"))).code).toBe("NOT_FOUND");
  });
});

describe("getReviewReport", () => {
  it("renders a decided review from its snapshot, with every applicable item grouped by concern", async () => {
    const { w, first, improved } = await twoDecidedReviews();
    const report = await getReviewReport(w.viewer, first);
    expect(report).toMatchObject({ reviewId: first, status: "DECIDED", isFrozen: true, decision: "NO_GO", decisionNote: "History test" });
    // Everyone reads who decided by name; only admins also see the e-mail address.
    expect(report.decidedBy).toBe(w.approver.name);
    const asAdmin = await getReviewReport(await createViewer("ADMIN"), first);
    expect(asAdmin.decidedBy).toBe(`${w.approver.name} (${w.approver.email})`);
    const items = report.concerns.flatMap((c) => c.items);
    expect(items).toHaveLength(itemKeys(w.template, 3).length);
    expect(items.find((i) => i.key === improved)).toMatchObject({ outcome: "NOT_MET", answer: { status: "NOT_MET" } });

    // Answers edited behind the application's back do not change a decided review's report.
    await db().$executeRaw`UPDATE answers SET status = 'MET' WHERE review_id = ${first}::uuid`;
    const again = await getReviewReport(w.viewer, first);
    expect(again.concerns).toEqual(report.concerns);
  });

  it("renders an open review live and 404s an unknown one", async () => {
    const w = await createReviewWorld(3);
    const report = await getReviewReport(w.viewer, w.reviewId);
    expect(report).toMatchObject({ status: "DRAFT", isFrozen: false, decision: null, waivers: [] });
    expect(report.concerns.every((c) => c.counts.answered === 0)).toBe(true);
    expect((await appError(getReviewReport(w.viewer, "00000000-0000-4000-8000-000000000000"))).code).toBe("NOT_FOUND");
  });
});
