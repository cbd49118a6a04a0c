import type { Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { loadPeopleByEmail, personByEmail, visiblePerson, type PersonRef } from "@/lib/db/people";
import { getReviewView } from "@/lib/db/review-view";
import { computeOutcomes, applicableItems } from "@/lib/domain/maturity";
import { buildReportConcerns, type ReportAnswer, type ReportWaiver, type ReviewReport } from "@/lib/domain/review-markdown";
import { isReviewSnapshot, snapshotEvaluationInputs } from "@/lib/domain/snapshot";
import { evaluationHeadline } from "@/lib/domain/headline";
import { personText } from "@/lib/domain/people";
import { isWaiverActive } from "@/lib/domain/waivers";

// One review as a report document (the printable page and the Markdown export). Every signed-in viewer may read
// every review, so the viewer only keeps one shape for every door into the data.

function toReportWaiver(
  waiver: Omit<ReportWaiver, "itemTitle" | "isActive" | "approvedBy">,
  approvedBy: PersonRef | null,
  titles: ReadonlyMap<string, string>,
  isActive: boolean,
): ReportWaiver {
  return {
    itemKey: waiver.itemKey,
    itemTitle: titles.get(waiver.itemKey) ?? waiver.itemKey,
    status: waiver.status,
    reason: waiver.reason,
    compensatingControl: waiver.compensatingControl,
    riskOwner: waiver.riskOwner,
    expiresOn: waiver.expiresOn,
    approvedBy: nameOrNull(approvedBy),
    isActive,
  };
}

// The review view already dropped e-mail addresses the viewer may not read.
const nameOrNull = (person: PersonRef | null) => (person ? personText(person) : null);

/** Only what the report prints, so nothing else a stored answer carries (such as its answerer's address) travels on. */
const toReportAnswer = (answer: ReportAnswer): ReportAnswer => ({
  status: answer.status,
  note: answer.note,
  naReason: answer.naReason,
  evidence: answer.evidence.map((e) => ({ title: e.title, url: e.url, kind: e.kind })),
});

/** One review as a document. A decided review is rendered from its snapshot, so the report shows exactly what was decided. */
export async function getReviewReport(viewer: Viewer, reviewId: string): Promise<ReviewReport> {
  const view = await getReviewView(viewer, reviewId);
  const { review, service, template, evaluation } = view;
  const stored =
    review.status === "DECIDED" ? (await db().review.findUnique({ where: { id: review.id }, select: { snapshot: true } }))?.snapshot : null;
  const snapshot = isReviewSnapshot(stored) ? stored : null;
  const items = applicableItems(template.items, evaluation.tier);
  const titles = new Map(template.items.map((item) => [item.key, item.title]));

  let answers: Record<string, ReportAnswer>;
  let waivers: ReportWaiver[];
  let outcomes = evaluation.outcomes;
  if (snapshot) {
    answers = Object.fromEntries(snapshot.answers.map((a) => [a.itemKey, toReportAnswer(a)]));
    // The snapshot names approvers by address; the report names them as this viewer may see them.
    const approvers = await loadPeopleByEmail(
      db(),
      snapshot.waivers.map((w) => w.approvedByEmail),
    );
    waivers = snapshot.waivers.map((w) =>
      toReportWaiver(w, visiblePerson(viewer, personByEmail(approvers, w.approvedByEmail)), titles, isWaiverActive(w, snapshot.today)),
    );
    outcomes = computeOutcomes(items, snapshotEvaluationInputs(snapshot).answers, snapshot.waivers, snapshot.today);
  } else {
    answers = Object.fromEntries(Object.entries(view.answers).map(([key, a]) => [key, toReportAnswer(a)]));
    waivers = view.waivers.map((w) => toReportWaiver(w, w.approvedBy, titles, w.isActive));
  }

  return {
    reviewId: review.id,
    service: { name: service.name, slug: service.slug, tier: evaluation.tier, teamName: service.team.name },
    template: { name: template.name, version: template.version },
    trigger: review.trigger,
    status: review.status,
    startedAt: review.createdAt.toISOString(),
    startedBy: nameOrNull(review.startedBy),
    submittedAt: review.submittedAt?.toISOString() ?? null,
    submittedBy: nameOrNull(review.submittedBy),
    decidedAt: review.decidedAt?.toISOString() ?? null,
    decidedBy: nameOrNull(review.decidedBy),
    targetDate: review.targetDate,
    decision: snapshot?.decision ?? review.decision,
    decisionNote: (snapshot ? snapshot.decisionNote : review.decisionNote) || null,
    isFrozen: evaluation.isFrozen,
    evaluatedOn: evaluation.evaluatedOn,
    verdict: evaluation.verdict,
    headline: evaluationHeadline(evaluation),
    reasons: evaluation.reasons.map((reason) => ({
      severity: reason.severity,
      code: reason.code,
      message: reason.message,
      items: reason.itemKeys.map((key) => ({ key, title: titles.get(key) ?? key, outcome: outcomes[key] ?? "UNANSWERED" })),
    })),
    level: evaluation.level,
    levelWithoutWaivers: evaluation.levelWithoutWaivers,
    target: evaluation.target,
    concerns: buildReportConcerns(template.concerns, items, answers, outcomes, evaluation.concerns),
    waivers,
  };
}
