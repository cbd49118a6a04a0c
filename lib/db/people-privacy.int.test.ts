import { afterAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { setAnswer } from "@/lib/db/answers";
import { closeDb } from "@/lib/db/client";
import { decideReview, submitReview } from "@/lib/db/decisions";
import { addEvidence } from "@/lib/db/evidence";
import { todayUtc } from "@/lib/db/review-access";
import { getReviewReport } from "@/lib/db/review-report";
import { ADMIN_READER, ctxOf, createReviewWorld, itemKeys, type ReviewWorld } from "@/lib/db/review-test-fixtures";
import { getReviewView, listReviewerOptions, listReviewHistory } from "@/lib/db/reviews";
import { approveWaiver, requestWaiver } from "@/lib/db/waivers";
import { addDays } from "@/lib/domain/days";
import { reviewToMarkdown } from "@/lib/domain/review-markdown";
import { decisionInput, evidenceInput, setAnswerInput, waiverRequestInput } from "@/lib/schemas/review";

afterAll(closeDb);

// Names for everyone, e-mail addresses only for admins: every read that names a person, for a viewer and an editor
// (neither may read addresses) and for an admin.

const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** An answer with evidence by the editor, a waiver the editor asked for and the outside approver approved. */
async function reviewWithPeople(w: ReviewWorld, options: { note?: string } = {}) {
  const [met, waived] = itemKeys(w.template, 3) as [string, string];
  await setAnswer(
    ctxOf(w.editor),
    w.reviewId,
    met,
    setAnswerInput.parse({ status: "MET", note: options.note ?? "", expectedVersion: null }),
  );
  await addEvidence(
    ctxOf(w.editor),
    w.reviewId,
    met,
    evidenceInput.parse({ url: "https://grafana.example/d/1", title: "Board", kind: "DASHBOARD" }),
  );
  await setAnswer(ctxOf(w.editor), w.reviewId, waived, setAnswerInput.parse({ status: "NOT_MET", expectedVersion: null }));
  const waiver = await requestWaiver(
    ctxOf(w.editor),
    w.reviewId,
    waived,
    waiverRequestInput.parse({ reason: "r", compensatingControl: "c", riskOwner: "CTO", expiresOn: addDays(todayUtc(), 30) }),
  );
  await approveWaiver(ctxOf(w.approver), w.reviewId, waiver.id);
}

async function decide(w: ReviewWorld) {
  const { version } = await submitReview(ctxOf(w.editor), w.reviewId, 1);
  await decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version }));
}

/** A viewer and an editor from another team: neither may read e-mail addresses. */
const readers = (w: ReviewWorld): Viewer[] => [w.viewer, w.otherEditor];

describe("people in reviews", () => {
  it("names evidence creators, waiver requesters and approvers, with their addresses only for admins", async () => {
    const w = await createReviewWorld();
    await reviewWithPeople(w);
    for (const reader of readers(w)) {
      const view = await getReviewView(reader, w.reviewId);
      const [waiver] = view.waivers;
      expect(waiver?.requestedBy).toEqual({ id: w.editor.id, name: w.editor.name, email: null });
      expect(waiver?.approvedBy).toEqual({ id: w.approver.id, name: w.approver.name, email: null });
      const evidence = Object.values(view.answers).flatMap((a) => a.evidence);
      expect(evidence.map((e) => e.createdBy)).toEqual([{ id: w.editor.id, name: w.editor.name, email: null }]);
      expect(JSON.stringify(view)).not.toMatch(ADDRESS);
    }
    const forAdmin = await getReviewView(ADMIN_READER, w.reviewId);
    expect(forAdmin.waivers[0]).toMatchObject({ requestedBy: { email: w.editor.email }, approvedBy: { email: w.approver.email } });
    expect(Object.values(forAdmin.answers).flatMap((a) => a.evidence)[0]?.createdBy?.email).toBe(w.editor.email);
  });

  it("shows the history with names, also inside before and after values, and with addresses for admins", async () => {
    const w = await createReviewWorld();
    await reviewWithPeople(w, { note: `Checked with ${w.otherEditor.email}` });
    await decide(w);
    for (const reader of readers(w)) {
      const history = await listReviewHistory(reader, w.reviewId);
      expect(JSON.stringify(history)).not.toMatch(ADDRESS);
      const approve = history.find((e) => e.action === "waiver.approve");
      expect(approve?.actor).toEqual({ id: w.approver.id, name: w.approver.name, email: null });
      expect(approve?.after).toMatchObject({ status: "APPROVED", approvedBy: w.approver.name });
      expect(history.find((e) => e.action === "review.submit")?.after).toMatchObject({ submittedBy: w.editor.name });
      const notes = history.filter((e) => e.action === "answer.create").map((e) => (e.after as { note?: string }).note);
      expect(notes).toContain(`Checked with ${w.otherEditor.name}`);
    }
    const forAdmin = await listReviewHistory(ADMIN_READER, w.reviewId);
    const approve = forAdmin.find((e) => e.action === "waiver.approve");
    expect(approve?.actor?.email).toBe(w.approver.email);
    expect(approve?.after).toMatchObject({ approvedByEmail: w.approver.email });
    expect(forAdmin.find((e) => e.action === "review.submit")?.after).toMatchObject({ submittedByEmail: w.editor.email });
  });

  it("renders a decided review's snapshot in the report and the Markdown export with names, and addresses for admins", async () => {
    const w = await createReviewWorld();
    await reviewWithPeople(w);
    await decide(w);
    for (const reader of readers(w)) {
      const report = await getReviewReport(reader, w.reviewId);
      expect(report.isFrozen).toBe(true);
      expect(report.waivers.map((waiver) => waiver.approvedBy)).toEqual([w.approver.name]);
      expect(report.decidedBy).toBe(w.approver.name);
      expect(JSON.stringify(report)).not.toMatch(ADDRESS);
      expect(reviewToMarkdown(report)).not.toMatch(ADDRESS);
    }
    const forAdmin = await getReviewReport(ADMIN_READER, w.reviewId);
    expect(forAdmin.waivers.map((waiver) => waiver.approvedBy)).toEqual([`${w.approver.name} (${w.approver.email})`]);
    expect(reviewToMarkdown(forAdmin)).toContain(w.approver.email);
  });

  it("offers reviewers by name and team, never with an address", async () => {
    const w = await createReviewWorld();
    const options = await listReviewerOptions(w.teamId);
    expect(options.map((person) => person.id)).toContain(w.approver.id);
    expect(options.every((person) => person.name !== "" && !("email" in person))).toBe(true);
    expect(JSON.stringify(options)).not.toMatch(ADDRESS);
  });
});
