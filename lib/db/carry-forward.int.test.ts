import { afterAll, describe, expect, it } from "vitest";
import { confirmAnswer, confirmConcern } from "@/lib/db/answer-confirmation";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import { decideReview, submitReview } from "@/lib/db/decisions";
import {
  RETIRED_ITEM_KEY,
  appError,
  createDecidedReviewWithAnswers,
  createService,
  createTeam,
  createViewer,
  ctxOf,
  itemKeys,
} from "@/lib/db/review-test-fixtures";
import { getReviewView, listReviewerOptions, listReviewHistory, startReview } from "@/lib/db/reviews";
import { requestWaiver } from "@/lib/db/waivers";
import { getLatestTemplateId, getTemplate, installDefaultTemplate } from "@/lib/db/templates";
import { addDays } from "@/lib/domain/days";
import { todayUtc } from "@/lib/db/review-access";
import { decisionInput, setAnswerInput, startReviewInput } from "@/lib/schemas/review";

afterAll(closeDb);

const RETIRED = RETIRED_ITEM_KEY;

async function world() {
  await installDefaultTemplate();
  const team = await createTeam("carry");
  const other = await createTeam("carry-other");
  const editor = await createViewer("EDITOR", [team.id], "editor");
  const approver = await createViewer("APPROVER", [other.id], "approver");
  const insideApprover = await createViewer("APPROVER", [team.id], "inside-approver");
  const service = await createService(team.id, 3);
  const sourceId = await createDecidedReviewWithAnswers(service.id, editor.id);
  const template = (await getTemplate((await getLatestTemplateId()) as string))!;
  return { team, other, editor, approver, insideApprover, service, sourceId, template };
}

const start = (carryForward: boolean) => startReviewInput.parse({ trigger: "QUARTERLY", carryForward });

describe("starting a review from the last decided one", () => {
  it("carries answers, notes and evidence of items the new template has; not removed items, their evidence, or waivers", async () => {
    const w = await world();
    const started = await startReview(ctxOf(w.editor), w.service.id, start(true));
    expect(started.carriedFromReviewId).toBe(w.sourceId);
    const view = await getReviewView(w.editor, started.id);

    const keys = Object.keys(view.answers);
    expect(keys.sort()).toEqual(w.template.items.map((i) => i.key).sort());
    expect(keys).not.toContain(RETIRED);
    const sample = view.answers["health.healthz-endpoint"]!;
    expect(sample).toMatchObject({ status: "MET", note: "as before: health.healthz-endpoint", carriedFromReviewId: w.sourceId });
    expect(sample.awaitsConfirmation).toBe(true);
    expect(sample.evidence.map((e) => e.url)).toEqual(["https://evidence.example/health.healthz-endpoint"]);
    const evidenceUrls = Object.values(view.answers).flatMap((a) => a.evidence.map((e) => e.url));
    expect(evidenceUrls).toHaveLength(w.template.items.length);
    expect(evidenceUrls).not.toContain(`https://evidence.example/${RETIRED}`);
    expect(view.waivers).toEqual([]);

    // Nothing counts until confirmed: every item is still unanswered for the engine, and the verdict says why.
    expect(view.evaluation.level).toBe(0);
    const waiting = view.evaluation.reasons.find((r) => r.code === "CARRIED_UNCONFIRMED");
    expect(waiting?.itemKeys).toHaveLength(itemKeys(w.template, 3).length);

    const history = await listReviewHistory(w.editor, started.id);
    const carried = history.find((e) => e.action === "review.carry-forward");
    expect(carried?.after).toMatchObject({ fromReviewId: w.sourceId, leftBehindItemKeys: [RETIRED] });
    expect(history.find((e) => e.action === "review.start")?.after).toMatchObject({ carriedFromReviewId: w.sourceId });
  });

  it("starts blank without the option, and refuses the option when there is no decided review", async () => {
    const w = await world();
    const blank = await startReview(ctxOf(w.editor), w.service.id, start(false));
    expect(Object.keys((await getReviewView(w.editor, blank.id)).answers)).toEqual([]);

    const fresh = await createService(w.team.id, 3);
    const error = await appError(startReview(ctxOf(w.editor), fresh.id, start(true)));
    expect(error.code).toBe("VALIDATION");
    expect(error.details?.fieldErrors).toHaveProperty("carryForward");
    expect(await db().review.count({ where: { serviceId: fresh.id } })).toBe(0);
  });

  it("raises the level as concerns are confirmed, one answer or one concern at a time", async () => {
    const w = await world();
    const { id } = await startReview(ctxOf(w.editor), w.service.id, start(true));
    let view = await getReviewView(w.editor, id);
    expect(view.evaluation.level).toBe(0);

    const one = await confirmAnswer(ctxOf(w.editor), id, "health.healthz-endpoint", view.answers["health.healthz-endpoint"]!.version);
    expect(one).toMatchObject({ awaitsConfirmation: false, version: 2, confirmedBy: { id: w.editor.id } });
    expect(one.confirmedAt).toBeInstanceOf(Date);

    view = await getReviewView(w.editor, id);
    for (const concern of view.carryForward.concerns.filter((c) => c.awaiting.length > 0)) {
      await confirmConcern(ctxOf(w.editor), id, concern.concernKey, concern.tag);
    }
    view = await getReviewView(w.editor, id);
    expect(view.evaluation.level).toBe(4);
    expect(view.evaluation.verdict).toBe("GO");
    expect(view.evaluation.reasons.map((r) => r.code)).not.toContain("CARRIED_UNCONFIRMED");
    const confirmations = (await listReviewHistory(w.editor, id)).filter((e) => e.action === "answer.confirm");
    expect(confirmations).toHaveLength(itemKeys(w.template, 3).length);
  });

  it("refuses stale or pointless confirmations and lets only one of two concurrent confirmations win", async () => {
    const w = await world();
    const { id } = await startReview(ctxOf(w.editor), w.service.id, start(true));
    const key = "health.readiness-probe";
    expect((await appError(confirmAnswer(ctxOf(w.editor), id, key, 7))).details?.reason).toBe("STALE_ANSWER");
    const results = await Promise.allSettled([confirmAnswer(ctxOf(w.editor), id, key, 1), confirmAnswer(ctxOf(w.editor), id, key, 1)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await appError(confirmAnswer(ctxOf(w.editor), id, key, 2))).details?.reason).toBe("ALREADY_CONFIRMED");

    const view = await getReviewView(w.editor, id);
    const health = view.carryForward.concerns.find((c) => c.concernKey === "health")!;
    expect(health.awaiting).not.toContain(key);
    const staleTag = await appError(confirmConcern(ctxOf(w.editor), id, "health", "v1.1.1"));
    expect(staleTag.details).toMatchObject({ reason: "STALE_CONCERN", currentTag: health.tag });
    expect((await appError(confirmConcern(ctxOf(w.editor), id, "no-such-concern", health.tag))).code).toBe("NOT_FOUND");
    const done = await confirmConcern(ctxOf(w.editor), id, "health", health.tag);
    expect(done.confirmed.map((a) => a.itemKey)).toEqual(health.awaiting);
    expect((await appError(confirmConcern(ctxOf(w.editor), id, "health", done.tag))).details?.reason).toBe("NOTHING_TO_CONFIRM");

    // Only the owning team confirms, and an answer given here has nothing to confirm.
    const outsider = await createViewer("EDITOR", [w.other.id]);
    expect((await appError(confirmAnswer(ctxOf(outsider), id, "health.liveness-probe", 1))).code).toBe("FORBIDDEN");
    const blank = await startReview(ctxOf(w.editor), (await createService(w.team.id, 3)).id, start(false));
    await setAnswer(ctxOf(w.editor), blank.id, key, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    expect((await appError(confirmAnswer(ctxOf(w.editor), blank.id, key, 1))).details?.reason).toBe("NOT_CARRIED");
  });

  it("confirms a carried answer when its status is changed, not when only its note is", async () => {
    const w = await world();
    const { id } = await startReview(ctxOf(w.editor), w.service.id, start(true));
    const noteOnly = await setAnswer(
      ctxOf(w.editor),
      id,
      "health.liveness-probe",
      setAnswerInput.parse({ status: "MET", note: "still true", expectedVersion: 1 }),
    );
    expect(noteOnly.awaitsConfirmation).toBe(true);
    const changed = await setAnswer(
      ctxOf(w.editor),
      id,
      "health.startup-probe",
      setAnswerInput.parse({ status: "PARTIAL", note: "slower now", expectedVersion: 1 }),
    );
    expect(changed).toMatchObject({ awaitsConfirmation: false, confirmedBy: { id: w.editor.id } });
    const view = await getReviewView(w.editor, id);
    expect(view.answers["health.startup-probe"]).toMatchObject({ awaitsConfirmation: false, status: "PARTIAL" });
    expect(view.evaluation.outcomes["health.startup-probe"]).toBe("PARTIAL");
    expect(view.evaluation.outcomes["health.liveness-probe"]).toBe("UNANSWERED");
  });

  it("leaves unconfirmed answers out of the decision and never carries them again", async () => {
    const w = await world();
    const first = await startReview(ctxOf(w.editor), w.service.id, start(true));
    const confirmedKey = "health.healthz-endpoint";
    await confirmAnswer(ctxOf(w.editor), first.id, confirmedKey, 1);
    const submitted = await submitReview(ctxOf(w.editor), first.id, 1);
    await decideReview(ctxOf(w.approver), first.id, decisionInput.parse({ decision: "NO_GO", expectedVersion: submitted.version }));
    const decided = await db().review.findUniqueOrThrow({ where: { id: first.id }, select: { snapshot: true } });
    expect((decided.snapshot as { answers: { itemKey: string }[] }).answers.map((a) => a.itemKey)).toEqual([confirmedKey]);

    const second = await startReview(ctxOf(w.editor), w.service.id, start(true));
    expect(second.carriedFromReviewId).toBe(first.id);
    expect(Object.keys((await getReviewView(w.editor, second.id)).answers)).toEqual([confirmedKey]);
  });

  it("counts confirming as taking part, so a confirmer cannot decide", async () => {
    const w = await world();
    const { id } = await startReview(ctxOf(w.editor), w.service.id, start(true));
    const admin = await createViewer("ADMIN", [w.team.id]);
    await confirmAnswer(ctxOf(admin), id, "health.healthz-endpoint", 1);
    await db().membership.deleteMany({ where: { userId: admin.id } });
    const outsideAdmin = { ...admin, teamIds: [] };
    const submitted = await submitReview(ctxOf(w.editor), id, 1);
    const refused = await appError(
      decideReview(ctxOf(outsideAdmin), id, decisionInput.parse({ decision: "NO_GO", expectedVersion: submitted.version })),
    );
    expect(refused.message).toMatch(/You answered items in this review/);
  });
});

describe("guards when starting a review and asking for waivers", () => {
  it("names only approvers outside the owning team as reviewers", async () => {
    const w = await world();
    const options = await listReviewerOptions(w.team.id);
    const ids = options.map((o) => o.id);
    expect(ids).toContain(w.approver.id);
    expect(ids).not.toContain(w.insideApprover.id);
    expect(ids).not.toContain(w.editor.id);
    expect(options.find((o) => o.id === w.approver.id)?.teams).toEqual([w.other.name]);

    for (const reviewerIds of [[w.editor.id], [w.insideApprover.id]]) {
      const error = await appError(
        startReview(ctxOf(w.editor), w.service.id, startReviewInput.parse({ trigger: "QUARTERLY", reviewerIds })),
      );
      expect(error.details?.fieldErrors).toHaveProperty("reviewerIds");
    }
    const ok = await startReview(
      ctxOf(w.editor),
      w.service.id,
      startReviewInput.parse({ trigger: "QUARTERLY", reviewerIds: [w.approver.id] }),
    );
    expect((await getReviewView(w.editor, ok.id)).review.reviewers.map((r) => r.id)).toEqual([w.approver.id]);
  });

  it("refuses a second open review with the open review's id", async () => {
    const w = await world();
    const open = await startReview(ctxOf(w.editor), w.service.id, start(false));
    const error = await appError(startReview(ctxOf(w.editor), w.service.id, start(true)));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toMatchObject({ reason: "OPEN_REVIEW_EXISTS", openReviewId: open.id });
  });

  it("refuses a waiver request on an item answered as met, carried or not", async () => {
    const w = await world();
    const { id } = await startReview(ctxOf(w.editor), w.service.id, start(true));
    const waiver = { reason: "r", compensatingControl: "c", riskOwner: "o", expiresOn: addDays(todayUtc(), 30) ?? "" };
    const carriedMet = await appError(requestWaiver(ctxOf(w.editor), id, "health.healthz-endpoint", waiver));
    expect(carriedMet).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/answered as met, so it needs no waiver/) });
    await setAnswer(ctxOf(w.editor), id, "health.healthz-endpoint", setAnswerInput.parse({ status: "NOT_MET", expectedVersion: 1 }));
    await expect(requestWaiver(ctxOf(w.editor), id, "health.healthz-endpoint", waiver)).resolves.toMatchObject({ status: "PENDING" });
  });
});
