import type { Viewer } from "@/lib/auth/permissions";
import { visiblePerson, type PersonRef } from "@/lib/db/people";
import type { AnswerDto, WaiverDto } from "@/lib/db/review-dtos";
import type { ConcernAssignmentDto } from "@/lib/db/concern-assignments";
import type { ReviewView } from "@/lib/db/review-view";
import type { ServiceDetail } from "@/lib/db/services";
import type { ServicesTableRow } from "@/lib/db/services-table";
import { evaluationHeadline } from "@/lib/domain/headline";
import type { ServiceGate } from "@/lib/db/gate";
import type { CheckResultDto } from "@/lib/db/checks";
import { reviewReportHref } from "@/lib/routes";
import type { z } from "zod";
import type { concernAssignmentResponse, gateResponse } from "@/lib/schemas/api";

// The API's JSON: stable field names, ISO dates, people by name (and e-mail for admins) rather than internal user ids.

/** A service as the services table shows it: its current level is the level of its latest decided review. */
export function serviceJson(s: ServicesTableRow) {
  return {
    slug: s.slug,
    name: s.name,
    team: { slug: s.team.slug, name: s.team.name },
    tier: s.tier,
    lifecycle: s.lifecycle,
    updatedAt: s.updatedAt.toISOString(),
    targetLevel: s.targetLevel,
    latestDecision: s.lastDecidedAt ? { level: s.level, verdict: s.verdict, decidedAt: s.lastDecidedAt.toISOString() } : null,
  };
}

export function serviceDetailJson(s: ServiceDetail) {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    team: { slug: s.team.slug, name: s.team.name },
    tier: s.tier,
    lifecycle: s.lifecycle,
    links: { repository: s.repositoryUrl, runbook: s.runbookUrl, dashboard: s.dashboardUrl, health: s.healthUrl, onCall: s.onCall },
    reviews: s.reviews.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decision: r.decision,
      level: r.level,
      targetLevel: r.targetLevel,
    })),
  };
}

/** Names for everyone, e-mail addresses only for admins. */
function personJson(viewer: Viewer, person: PersonRef | null) {
  return person ? { name: person.name, email: visiblePerson(viewer, person).email } : null;
}

export function answerJson(viewer: Viewer, a: AnswerDto) {
  return {
    itemKey: a.itemKey,
    status: a.status,
    note: a.note,
    naReason: a.naReason,
    version: a.version,
    answeredBy: personJson(viewer, a.answeredBy),
    answeredAt: a.answeredAt.toISOString(),
    evidence: a.evidence.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      kind: e.kind,
      createdBy: personJson(viewer, e.createdBy),
      createdAt: e.createdAt.toISOString(),
    })),
    origin: a.carriedFromReviewId ? "CARRIED" : "ANSWERED_HERE",
    carriedFromReviewId: a.carriedFromReviewId,
    /** Answers given here are confirmed by being given; a carried one once someone confirms it or changes its status. */
    confirmed: !a.awaitsConfirmation,
    confirmedBy: personJson(viewer, a.confirmedBy),
    confirmedAt: a.confirmedAt?.toISOString() ?? null,
  };
}

function waiverJson(viewer: Viewer, w: WaiverDto) {
  return {
    id: w.id,
    itemKey: w.itemKey,
    status: w.status,
    reason: w.reason,
    compensatingControl: w.compensatingControl,
    riskOwner: w.riskOwner,
    expiresOn: w.expiresOn,
    requestedBy: personJson(viewer, w.requestedBy),
    approvedBy: personJson(viewer, w.approvedBy),
    approvedAt: w.approvedAt?.toISOString() ?? null,
  };
}

/** Who works on a concern and how far it is; `openItems` counts its applicable items still without a counted answer. */
export function concernAssignmentJson(viewer: Viewer, a: ConcernAssignmentDto, openItems: number | null) {
  return {
    concern: a.concernKey,
    assignee: personJson(viewer, a.assignee),
    status: a.status,
    version: a.version,
    openItems,
    updatedBy: personJson(viewer, a.updatedBy),
    updatedAt: a.updatedAt?.toISOString() ?? null,
  } satisfies z.input<typeof concernAssignmentResponse>;
}

export function reviewJson(viewer: Viewer, view: ReviewView) {
  const { review, service, evaluation } = view;
  const headline = evaluationHeadline(evaluation);
  return {
    id: review.id,
    status: review.status,
    trigger: review.trigger,
    targetDate: review.targetDate,
    version: review.version,
    createdAt: review.createdAt.toISOString(),
    decidedAt: review.decidedAt?.toISOString() ?? null,
    decision: review.decision,
    service: { slug: service.slug, name: service.name, tier: service.tier, team: service.team.slug },
    template: { key: view.template.key, version: view.template.version },
    level: evaluation.level,
    levelWithoutWaivers: evaluation.levelWithoutWaivers,
    targetLevel: evaluation.target,
    verdict: evaluation.verdict,
    /** Where the review stands against its target, and the same words the pages print. */
    standing: evaluation.standing,
    headline: { verdict: headline.verdict, standing: headline.standing },
    reasons: evaluation.reasons,
    evaluatedOn: evaluation.evaluatedOn,
    frozen: evaluation.isFrozen,
    concerns: evaluation.concerns,
    nextLevel: evaluation.nextLevel,
    items: view.template.items.map((i) => ({
      key: i.key,
      concern: i.concernKey,
      title: i.title,
      level: i.level,
      isBlocker: i.isBlocker,
      outcome: evaluation.outcomes[i.key] ?? null,
    })),
    answers: Object.values(view.answers).map((answer) => answerJson(viewer, answer)),
    carryForward: {
      fromReviewId: view.carryForward.fromReviewId,
      awaitingConfirmation: view.carryForward.review.awaiting.length,
      tag: view.carryForward.review.tag,
      concerns: view.carryForward.concerns
        .filter((c) => c.carried > 0)
        .map((c) => ({ key: c.concernKey, awaiting: c.awaiting, tag: c.tag })),
    },
    waivers: view.waivers.map((waiver) => waiverJson(viewer, waiver)),
    assignments: view.assignments.map((assignment) => {
      const score = evaluation.concerns.find((c) => c.concernKey === assignment.concernKey);
      return concernAssignmentJson(viewer, assignment, score ? score.total - score.answered : null);
    }),
  };
}

export type GateStrictness = "true" | "false" | "conditional";

/** Whether a pipeline may go on: no-go never passes; conditional go passes unless the caller is strict about it too. */
export function gatePasses(gate: Pick<ServiceGate, "verdict">, strict: GateStrictness): boolean {
  return gate.verdict === "GO" || (gate.verdict === "CONDITIONAL_GO" && strict !== "conditional");
}

export function gateJson(gate: ServiceGate, strict: GateStrictness): z.input<typeof gateResponse> {
  return {
    service: gate.service,
    verdict: gate.verdict,
    pass: gatePasses(gate, strict),
    evaluatedOn: gate.evaluatedOn,
    level: gate.level,
    targetLevel: gate.target,
    reasons: gate.reasons.map((r) => ({ code: r.code, severity: r.severity, message: r.message, itemKeys: r.itemKeys })),
    decision: gate.decision
      ? {
          reviewId: gate.decision.reviewId,
          decidedAt: gate.decision.decidedAt.toISOString(),
          decidedBy: gate.decision.decidedBy,
          outcome: gate.decision.outcome,
          href: reviewReportHref(gate.decision.reviewId),
        }
      : null,
    openReview: gate.openReview,
  };
}

export function checkResultJson(r: CheckResultDto) {
  return {
    itemKey: r.itemKey,
    source: r.source,
    status: r.status,
    summary: r.summary,
    detailsUrl: r.detailsUrl,
    observedAt: r.observedAt.toISOString(),
    validUntil: r.validUntil.toISOString(),
    recordedBy: r.recordedBy,
    fresh: r.isFresh,
  };
}
