import { reviewPermissions, type ReviewPermissions, type Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isoDay, isUuid, loadInvolvement, todayUtc } from "@/lib/db/review-access";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { evaluateRows, getReviewTemplate, loadReviewRows } from "@/lib/db/review-data";
import { loadPeople, visiblePerson, type PersonRef } from "@/lib/db/people";
import { visibleAnswer, visibleWaiver, type AnswerDto, type WaiverDto } from "@/lib/db/review-dtos";
import type { TemplateDto } from "@/lib/db/templates";
import type { ConcernScore, NextLevelNeeds, OutcomeMap } from "@/lib/domain/maturity";
import { concernConfirmation, type ConcernConfirmation } from "@/lib/domain/carry-forward";
import { isReviewSnapshot, snapshotConcerns } from "@/lib/domain/snapshot";
import { loadConcernAssignments, type ConcernAssignmentDto } from "@/lib/db/concern-assignments";
import type { ReviewStatus, ReviewTrigger, Tier, Verdict } from "@/lib/domain/types";
import { targetStanding, type VerdictResult } from "@/lib/domain/verdict";
import { AppError } from "@/lib/errors";

/** The engine's verdict, as computed today or as frozen at the decision, with what the pages show beside it. */
export type ReviewEvaluationView = Omit<VerdictResult, "levelCountingPartials"> & {
  concerns: ConcernScore[];
  nextLevel: NextLevelNeeds | null;
  /** Per applicable item key. */
  outcomes: OutcomeMap;
  /** The day the evaluation is for: today, or the day of the decision for a frozen review. */
  evaluatedOn: string;
  /** True when the values come from the decision's snapshot and can no longer change. */
  isFrozen: boolean;
};

export type ReviewView = {
  review: {
    id: string;
    status: ReviewStatus;
    trigger: ReviewTrigger;
    targetDate: string | null;
    version: number;
    createdAt: Date;
    startedBy: PersonRef | null;
    submittedBy: PersonRef | null;
    submittedAt: Date | null;
    decidedBy: PersonRef | null;
    decidedAt: Date | null;
    decision: Verdict | null;
    decisionNote: string | null;
    reviewers: PersonRef[];
  };
  service: { id: string; slug: string; name: string; tier: Tier; team: { id: string; slug: string; name: string } };
  template: TemplateDto;
  /** Keyed by item key; unanswered items are absent. */
  answers: Record<string, AnswerDto>;
  waivers: WaiverDto[];
  evaluation: ReviewEvaluationView;
  /** Answers carried forward from the previous review: where from, and per concern what still waits for confirmation. */
  carryForward: { fromReviewId: string | null; concerns: ConcernConfirmation[]; review: ConcernConfirmation<null> };
  permissions: ReviewPermissions;
  /** Per concern of the checklist, in its order: who of the owning team works on it and how far it is. */
  assignments: ConcernAssignmentDto[];
};

/** Everything the overview, concern and decision pages need, in one read. */
export async function getReviewView(viewer: Viewer, reviewId: string): Promise<ReviewView> {
  if (!isUuid(reviewId)) throw new AppError("NOT_FOUND", "This review does not exist");
  const row = await db().review.findUnique({
    where: { id: reviewId },
    select: {
      id: true,
      status: true,
      trigger: true,
      targetDate: true,
      version: true,
      createdAt: true,
      templateId: true,
      startedById: true,
      submittedById: true,
      submittedAt: true,
      decidedById: true,
      decidedAt: true,
      decision: true,
      decisionNote: true,
      snapshot: true,
      reviewers: { select: { userId: true } },
      service: {
        select: { id: true, slug: true, name: true, tier: true, team: { select: { id: true, slug: true, name: true } } },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "This review does not exist");

  const today = todayUtc();
  const [template, rows, tierTargets, people, involvement, assignments] = await Promise.all([
    getReviewTemplate(row.templateId),
    loadReviewRows(db(), row.id, today),
    loadTierTargets(),
    loadPeople(db(), [row.startedById, row.submittedById, row.decidedById, ...row.reviewers.map((r) => r.userId)]),
    loadInvolvement(db(), row.id, viewer.id),
    getReviewTemplate(row.templateId).then((t) =>
      loadConcernAssignments(
        viewer,
        row.id,
        t.concerns.map((concern) => concern.key),
      ),
    ),
  ]);
  const tier = row.service.tier as Tier;
  const person = (id: string | null) => visiblePerson(viewer, id ? (people.get(id) ?? null) : null);

  const snapshot = row.status === "DECIDED" && isReviewSnapshot(row.snapshot) ? row.snapshot : null;
  let evaluation: ReviewEvaluationView;
  if (snapshot) {
    // Outcomes depend only on answers, waivers, tier and day, all frozen, so recomputing them for
    // the decision day reproduces what the approver saw; the headline values and counts come from the snapshot.
    const frozen = evaluateRows(template, snapshot.tier, rows, snapshot.today, tierTargets);
    evaluation = {
      verdict: snapshot.computedVerdict,
      reasons: snapshot.reasons,
      standing: targetStanding(snapshot),
      tier: snapshot.tier,
      target: snapshot.target,
      level: snapshot.level,
      levelWithoutWaivers: snapshot.levelWithoutWaivers,
      concerns: snapshotConcerns(snapshot, template.items),
      nextLevel: snapshot.nextLevel,
      outcomes: frozen.outcomes,
      evaluatedOn: snapshot.today,
      isFrozen: true,
    };
  } else {
    const live = evaluateRows(template, tier, rows, today, tierTargets);
    evaluation = {
      verdict: live.verdict,
      reasons: live.reasons,
      standing: live.standing,
      tier: live.tier,
      target: live.target,
      level: live.level,
      levelWithoutWaivers: live.levelWithoutWaivers,
      concerns: live.concerns,
      nextLevel: live.nextLevel,
      outcomes: live.outcomes,
      evaluatedOn: today,
      isFrozen: false,
    };
  }

  const answerList = rows.answers;
  const answersByKey = Object.fromEntries(answerList.map((answer) => [answer.itemKey, answer]));
  const carryForward = {
    fromReviewId: answerList.find((answer) => answer.carriedFromReviewId !== null)?.carriedFromReviewId ?? null,
    concerns: template.concerns.map((concern) => concernConfirmation(template.items, answersByKey, concern.key, tier)),
    review: concernConfirmation(template.items, answersByKey, null, tier),
  };

  return {
    review: {
      id: row.id,
      status: row.status,
      trigger: row.trigger,
      targetDate: row.targetDate ? isoDay(row.targetDate) : null,
      version: row.version,
      createdAt: row.createdAt,
      startedBy: person(row.startedById),
      submittedBy: person(row.submittedById),
      submittedAt: row.submittedAt,
      decidedBy: person(row.decidedById),
      decidedAt: row.decidedAt,
      decision: row.decision,
      decisionNote: row.decisionNote,
      reviewers: row.reviewers.map((r) => person(r.userId)).filter((p): p is PersonRef => p !== null),
    },
    service: { ...row.service, tier },
    template,
    answers: Object.fromEntries(rows.answers.map((answer) => [answer.itemKey, visibleAnswer(viewer, answer)])),
    waivers: rows.waivers.map((waiver) => visibleWaiver(viewer, waiver)),
    evaluation,
    carryForward,
    permissions: reviewPermissions(viewer, { status: row.status, teamId: row.service.team.id, involvement, waivers: rows.waivers }),
    assignments,
  };
}
