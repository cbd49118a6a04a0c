import { afterAll, describe, expect, it } from "vitest";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import { todayUtc } from "@/lib/db/review-access";
import { appError, ctxOf, createReviewWorld, itemKeys } from "@/lib/db/review-test-fixtures";
import { getReviewView } from "@/lib/db/reviews";
import { approveWaiver, rejectWaiver, requestWaiver, revokeWaiver } from "@/lib/db/waivers";
import { addDays } from "@/lib/domain/days";
import { MAX_WAIVER_DAYS } from "@/lib/domain/waivers";
import { setAnswerInput, waiverRequestInput } from "@/lib/schemas/review";

afterAll(closeDb);

const request = (expiresOn: string | null) =>
  waiverRequestInput.parse({
    reason: "Upstream fix not released",
    compensatingControl: "Manual failover drill weekly",
    riskOwner: "Head of Platform",
    expiresOn,
  });

describe("waivers", () => {
  it(`refuses an expiry more than ${MAX_WAIVER_DAYS} days away and accepts exactly ${MAX_WAIVER_DAYS}`, async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null }));
    const tooFar = await appError(requestWaiver(ctxOf(w.editor), w.reviewId, key, request(addDays(todayUtc(), MAX_WAIVER_DAYS + 1))));
    expect(tooFar.code).toBe("VALIDATION");
    expect(tooFar.details?.fieldErrors).toHaveProperty("expiresOn");
    const past = await appError(requestWaiver(ctxOf(w.editor), w.reviewId, key, request(todayUtc())));
    expect(past.code).toBe("VALIDATION");
    const ok = await requestWaiver(ctxOf(w.editor), w.reviewId, key, request(addDays(todayUtc(), MAX_WAIVER_DAYS)));
    expect(ok).toMatchObject({ status: "PENDING", isActive: false, requestedBy: { id: w.editor.id, name: w.editor.name, email: null } });
    expect(await db().waiver.count({ where: { reviewId: w.reviewId } })).toBe(1);
  });

  it("refuses waivers on met items and a second live waiver on the same item", async () => {
    const w = await createReviewWorld();
    const [met, open] = itemKeys(w.template, 3) as [string, string];
    await setAnswer(ctxOf(w.editor), w.reviewId, met, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    expect((await appError(requestWaiver(ctxOf(w.editor), w.reviewId, met, request(addDays(todayUtc(), 5))))).code).toBe("CONFLICT");
    await setAnswer(ctxOf(w.editor), w.reviewId, open, setAnswerInput.parse({ status: "PARTIAL", expectedVersion: null }));
    await requestWaiver(ctxOf(w.editor), w.reviewId, open, request(addDays(todayUtc(), 5)));
    const twice = await appError(requestWaiver(ctxOf(w.editor), w.reviewId, open, request(addDays(todayUtc(), 5))));
    expect(twice.message).toMatch(/pending/);
  });

  it("lets only an outside approver approve or reject, and either side revoke", async () => {
    const w = await createReviewWorld();
    const [a, b] = itemKeys(w.template, 3, { blockers: true }) as [string, string];
    await setAnswer(ctxOf(w.editor), w.reviewId, a, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null }));
    await setAnswer(ctxOf(w.editor), w.reviewId, b, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null }));
    const first = await requestWaiver(ctxOf(w.editor), w.reviewId, a, request(addDays(todayUtc(), 30)));
    const second = await requestWaiver(ctxOf(w.editor), w.reviewId, b, request(addDays(todayUtc(), 30)));
    expect((await appError(requestWaiver(ctxOf(w.otherEditor), w.reviewId, a, request(addDays(todayUtc(), 30))))).code).toBe("FORBIDDEN");

    for (const refused of [w.editor, w.insideApprover, w.otherEditor]) {
      expect((await appError(approveWaiver(ctxOf(refused), w.reviewId, first.id))).code).toBe("FORBIDDEN");
    }
    const approved = await approveWaiver(ctxOf(w.approver), w.reviewId, first.id);
    expect(approved).toMatchObject({
      status: "APPROVED",
      isActive: true,
      approvedBy: { id: w.approver.id, name: w.approver.name, email: null },
    });
    expect((await appError(rejectWaiver(ctxOf(w.approver), w.reviewId, first.id))).code).toBe("CONFLICT");
    expect((await rejectWaiver(ctxOf(w.approver), w.reviewId, second.id)).status).toBe("REJECTED");

    const view = await getReviewView(w.viewer, w.reviewId);
    expect(view.evaluation.outcomes[a]).toBe("WAIVED");
    expect(view.evaluation.reasons.some((r) => r.code === "BLOCKER_WAIVED" && r.itemKeys.includes(a))).toBe(true);

    expect((await appError(revokeWaiver(ctxOf(w.viewer), w.reviewId, first.id))).code).toBe("FORBIDDEN");
    expect((await revokeWaiver(ctxOf(w.editor), w.reviewId, first.id)).status).toBe("REVOKED");
    expect((await getReviewView(w.viewer, w.reviewId)).evaluation.outcomes[a]).toBe("NOT_MET");
  });

  it("stops counting an approved waiver once its expiry has passed", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3, { blockers: true })[0] as string;
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null }));
    const waiver = await requestWaiver(ctxOf(w.editor), w.reviewId, key, request(addDays(todayUtc(), 10)));
    await approveWaiver(ctxOf(w.approver), w.reviewId, waiver.id);
    // Time passing is simulated by moving the stored expiry into the past.
    const yesterday = addDays(todayUtc(), -1) as string;
    await db().waiver.update({ where: { id: waiver.id }, data: { expiresOn: new Date(`${yesterday}T00:00:00Z`) } });
    const view = await getReviewView(w.viewer, w.reviewId);
    expect(view.evaluation.outcomes[key]).toBe("NOT_MET");
    expect(view.waivers[0]).toMatchObject({ isActive: false, isExpired: true });
    expect(view.evaluation.reasons.some((r) => r.code === "WAIVER_EXPIRED")).toBe(true);
  });
});
