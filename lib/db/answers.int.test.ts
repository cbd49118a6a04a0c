import { afterAll, describe, expect, it } from "vitest";
import { setAnswer } from "@/lib/db/answers";
import { closeDb, db } from "@/lib/db/client";
import { addEvidence, removeEvidence } from "@/lib/db/evidence";
import { ADMIN_READER, appError, ctxOf, createReviewWorld, itemKeys } from "@/lib/db/review-test-fixtures";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { getReviewView, listReviewHistory, startReview } from "@/lib/db/reviews";
import { AppError } from "@/lib/errors";
import { evidenceInput, setAnswerInput, startReviewInput } from "@/lib/schemas/review";

afterAll(closeDb);

describe("setAnswer", () => {
  it("lets exactly one of two writers with the same stale version win; the other gets CONFLICT with the winner's answer", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    const first = await setAnswer(
      ctxOf(w.editor),
      w.reviewId,
      key,
      setAnswerInput.parse({ status: "PARTIAL", note: "start", expectedVersion: null }),
    );
    expect(first.version).toBe(1);

    const results = await Promise.allSettled([
      setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", note: "mine", expectedVersion: 1 })),
      setAnswer(ctxOf(w.insideApprover), w.reviewId, key, setAnswerInput.parse({ status: "NOT_MET", note: "theirs", expectedVersion: 1 })),
    ]);
    const won = results.filter((r): r is PromiseFulfilledResult<AnswerDto> => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]?.value as AnswerDto;
    expect(winner.version).toBe(2);
    const error = lost[0]?.reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("CONFLICT");
    const current = error.details?.current as AnswerDto;
    expect(current.version).toBe(2);
    expect(current.status).toBe(winner.status);
    expect(current.note).toBe(winner.note);
    expect(current.answeredBy?.email).toBeDefined();

    const stored = await db().answer.findMany({ where: { reviewId: w.reviewId }, select: { version: true, note: true } });
    expect(stored).toEqual([{ version: 2, note: winner.note }]);
  });

  it("lets exactly one of two concurrent first answers win and hands the loser the winner's answer", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[1] as string;
    const results = await Promise.allSettled([
      setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: null })),
      setAnswer(ctxOf(w.insideApprover), w.reviewId, key, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((lost?.reason as AppError).code).toBe("CONFLICT");
    expect(((lost?.reason as AppError).details?.current as AnswerDto).version).toBe(1);
  });

  it("refuses a write based on a version that is no longer current, and then accepts the overwrite with the new version", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "PARTIAL", expectedVersion: null }));
    const second = await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: 1 }));
    const stale = await appError(setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: 1 })));
    expect(stale.code).toBe("CONFLICT");
    expect((stale.details?.current as AnswerDto).status).toBe("NOT_MET");
    const overwrite = await setAnswer(
      ctxOf(w.editor),
      w.reviewId,
      key,
      setAnswerInput.parse({ status: "MET", expectedVersion: second.version }),
    );
    expect(overwrite).toMatchObject({ status: "MET", version: 3 });
  });

  // lib/db takes parsed input: the shared schema refuses what the form or the API sends before it gets there.
  it("requires a reason for not applicable", () => {
    const parsed = setAnswerInput.safeParse({ status: "NOT_APPLICABLE", naReason: "  ", expectedVersion: null });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["naReason"]);
  });

  it("refuses an editor of another team and a viewer", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    for (const outsider of [w.otherEditor, w.viewer, w.approver]) {
      const error = await appError(
        setAnswer(ctxOf(outsider), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: null })),
      );
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await db().answer.count({ where: { reviewId: w.reviewId } })).toBe(0);
  });
});

describe("evidence", () => {
  it("accepts http(s) links and refuses javascript:, data: and file: links", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>x</script>",
      "file:///etc/passwd",
      "ftp://x.example",
    ]) {
      const parsed = evidenceInput.safeParse({ url, title: "bad", kind: "OTHER" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["Only http:// and https:// links are allowed"]);
    }
    const ok = await addEvidence(
      ctxOf(w.editor),
      w.reviewId,
      key,
      evidenceInput.parse({
        url: "https://grafana.example/d/1",
        title: "Dashboard",
        kind: "DASHBOARD",
      }),
    );
    expect(ok).toMatchObject({
      url: "https://grafana.example/d/1",
      kind: "DASHBOARD",
      createdBy: { id: w.editor.id, name: w.editor.name, email: null },
    });
  });

  it("refuses evidence on an unanswered item and titles over 200 characters", async () => {
    const w = await createReviewWorld();
    const [answered, unanswered] = itemKeys(w.template, 3) as [string, string];
    const missing = await appError(
      addEvidence(ctxOf(w.editor), w.reviewId, unanswered, evidenceInput.parse({ url: "https://x.example", title: "t" })),
    );
    expect(missing.code).toBe("CONFLICT");
    expect(missing.message).toMatch(/Save an answer/);
    await setAnswer(ctxOf(w.editor), w.reviewId, answered, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    const long = evidenceInput.safeParse({ url: "https://x.example", title: "x".repeat(201) });
    expect(long.error?.issues.map((issue) => issue.path.join("."))).toEqual(["title"]);
  });

  it("writes answer and evidence changes to the audit trail with before and after", async () => {
    const w = await createReviewWorld();
    const key = itemKeys(w.template, 3)[0] as string;
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "PARTIAL", note: "half", expectedVersion: null }));
    await setAnswer(ctxOf(w.editor), w.reviewId, key, setAnswerInput.parse({ status: "MET", note: "done", expectedVersion: 1 }));
    const evidence = await addEvidence(
      ctxOf(w.editor),
      w.reviewId,
      key,
      evidenceInput.parse({
        url: "https://runbook.example/run",
        title: "Runbook",
        kind: "RUNBOOK",
      }),
    );
    await removeEvidence(ctxOf(w.editor), w.reviewId, evidence.id);

    const history = await listReviewHistory(ADMIN_READER, w.reviewId);
    const byAction = (action: string) => history.filter((e) => e.action === action);
    expect(byAction("review.start")).toHaveLength(1);
    expect(byAction("answer.create")[0]).toMatchObject({
      actor: expect.objectContaining({ email: w.editor.email }),
      before: null,
      after: { itemKey: key, status: "PARTIAL", note: "half", version: 1 },
    });
    expect(byAction("answer.update")[0]).toMatchObject({
      before: { status: "PARTIAL", version: 1 },
      after: { status: "MET", note: "done", version: 2 },
    });
    expect(byAction("evidence.add")[0]).toMatchObject({
      before: null,
      after: { itemKey: key, url: "https://runbook.example/run", kind: "RUNBOOK" },
    });
    expect(byAction("evidence.remove")[0]).toMatchObject({ before: { url: "https://runbook.example/run" }, after: null });
  });
});

describe("startReview", () => {
  it("keeps the latest template, refuses a second open review and refuses other teams", async () => {
    const w = await createReviewWorld();
    const view = await getReviewView(w.viewer, w.reviewId);
    expect(view.template.id).toBe(w.template.id);
    expect(view.permissions.canEdit).toBe(false);
    expect((await getReviewView(w.editor, w.reviewId)).permissions.canEdit).toBe(true);
    const second = await appError(startReview(ctxOf(w.editor), w.serviceId, startReviewInput.parse({ trigger: "QUARTERLY" })));
    expect(second.code).toBe("CONFLICT");
    expect(second.details?.openReviewId).toBe(w.reviewId);
    const outsider = await appError(startReview(ctxOf(w.otherEditor), w.serviceId, startReviewInput.parse({ trigger: "QUARTERLY" })));
    expect(outsider.code).toBe("FORBIDDEN");
  });
});
