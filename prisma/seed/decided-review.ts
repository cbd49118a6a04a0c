import { db } from "@/lib/db/client";
import type { TemplateItemDto } from "@/lib/db/templates";
import { isoDay } from "@/lib/domain/days";
import { buildSnapshot } from "@/lib/domain/snapshot";
import { summarizeEvaluation } from "@/lib/domain/summary";
import { targetLevelForTier, defaultTierTargets } from "@/lib/domain/targets";
import type { AnswerStatus, ReviewTrigger, Tier, Verdict } from "@/lib/domain/types";
import { evaluateReview } from "@/lib/domain/verdict";

// One decided review of the demo data, written the way deciding writes it: answers, evidence and waivers, the
// frozen snapshot and the summary columns, all from the engine's evaluation on the decision day.

export type SeedEvidence = { url: string; title: string; kind: "DASHBOARD" | "RUNBOOK" | "DOCUMENT" | "TICKET" | "TEST_RUN" | "OTHER" };
export type SeedAnswer = {
  itemId: string;
  itemKey: string;
  status: AnswerStatus;
  note: string;
  naReason: string | null;
  evidence?: SeedEvidence[];
};
export type SeedWaiver = {
  itemId: string;
  itemKey: string;
  reason: string;
  compensatingControl: string;
  riskOwner: string;
  expiresOn: string;
};
export type SeedPerson = { id: string; email: string };

export type DecidedReviewInput = {
  serviceId: string;
  templateId: string;
  items: TemplateItemDto[];
  tier: Tier;
  trigger: ReviewTrigger;
  answers: SeedAnswer[];
  waivers: SeedWaiver[];
  createdAt: Date;
  decidedAt: Date;
  editor: SeedPerson | undefined;
  approver: SeedPerson | undefined;
  /** The note for the decision, given the verdict the engine computed (the decision is that verdict). */
  decisionNote: (verdict: Verdict) => string;
};

/** The answer rows of one review; without `answeredAt` the database stamps them now. */
export function answerRows(reviewId: string, answers: SeedAnswer[], answeredById: string | null, answeredAt?: Date) {
  return answers.map((a) => ({
    reviewId,
    itemId: a.itemId,
    status: a.status,
    note: a.note,
    naReason: a.naReason,
    answeredById,
    ...(answeredAt ? { answeredAt } : {}),
  }));
}

export async function createDecidedReview(input: DecidedReviewInput): Promise<{ id: string; verdict: Verdict; level: number }> {
  const { answers, waivers, decidedAt, createdAt, editor, approver } = input;
  const evaluation = evaluateReview({
    items: input.items,
    tier: input.tier,
    answers: Object.fromEntries(answers.map((a) => [a.itemKey, { status: a.status, naReason: a.naReason }])),
    waivers: waivers.map((w) => ({ itemKey: w.itemKey, expiresOn: w.expiresOn, status: "APPROVED" as const })),
    today: isoDay(decidedAt),
    tierTargets: defaultTierTargets,
  });
  const decision: Verdict = evaluation.verdict;
  const decisionNote = input.decisionNote(decision);
  const review = await db().review.create({
    data: {
      serviceId: input.serviceId,
      templateId: input.templateId,
      trigger: input.trigger,
      status: "DECIDED",
      targetDate: new Date(isoDay(new Date(decidedAt.getTime() + 3 * 86_400_000))),
      startedById: editor?.id ?? null,
      submittedById: editor?.id ?? null,
      submittedAt: new Date(decidedAt.getTime() - 2 * 86_400_000),
      decidedById: approver?.id ?? null,
      decidedAt,
      decision,
      decisionNote,
      computedVerdict: evaluation.verdict,
      level: evaluation.level,
      levelWithoutWaivers: evaluation.levelWithoutWaivers,
      targetLevel: targetLevelForTier(input.tier),
      snapshot: buildSnapshot({
        takenAt: decidedAt,
        today: isoDay(decidedAt),
        evaluation,
        decision,
        decisionNote,
        items: input.items,
        answers: answers.map((a) => ({
          itemKey: a.itemKey,
          status: a.status,
          note: a.note,
          naReason: a.naReason,
          answeredByEmail: editor?.email ?? null,
          answeredAt: createdAt,
          evidence: a.evidence ?? [],
        })),
        waivers: waivers.map((w) => ({
          itemKey: w.itemKey,
          reason: w.reason,
          compensatingControl: w.compensatingControl,
          riskOwner: w.riskOwner,
          expiresOn: w.expiresOn,
          status: "APPROVED" as const,
          approvedByEmail: approver?.email ?? null,
        })),
      }),
      ...summarizeEvaluation(evaluation),
      createdAt,
      updatedAt: decidedAt,
    },
    select: { id: true },
  });
  await db().answer.createMany({ data: answerRows(review.id, answers, editor?.id ?? null, createdAt) });
  const withEvidence = answers.filter((a) => (a.evidence ?? []).length > 0);
  if (withEvidence.length > 0) {
    const rows = await db().answer.findMany({
      where: { reviewId: review.id, itemId: { in: withEvidence.map((a) => a.itemId) } },
      select: { id: true, itemId: true },
    });
    const answerIds = new Map(rows.map((r) => [r.itemId, r.id]));
    await db().evidence.createMany({
      data: withEvidence.flatMap((a) =>
        (a.evidence ?? []).map((e) => ({
          answerId: answerIds.get(a.itemId) as string,
          url: e.url,
          title: e.title,
          kind: e.kind,
          createdById: editor?.id ?? null,
          createdAt,
        })),
      ),
    });
  }
  if (waivers.length > 0) {
    await db().waiver.createMany({
      data: waivers.map((w) => ({
        reviewId: review.id,
        itemId: w.itemId,
        reason: w.reason,
        compensatingControl: w.compensatingControl,
        riskOwner: w.riskOwner,
        expiresOn: new Date(w.expiresOn),
        status: "APPROVED" as const,
        requestedById: editor?.id ?? null,
        approvedById: approver?.id ?? null,
        approvedAt: new Date(decidedAt.getTime() - 86_400_000),
      })),
    });
  }
  return { id: review.id, verdict: decision, level: evaluation.level };
}
