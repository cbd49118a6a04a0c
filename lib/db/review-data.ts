import type { Tx } from "@/lib/db/client";
import { answerSelect, peopleIdsOf, toAnswerDto, toWaiverDto, waiverSelect, type AnswerDto, type WaiverDto } from "@/lib/db/review-dtos";
import { loadPeople } from "@/lib/db/people";
import { getTemplate, type TemplateDto } from "@/lib/db/templates";
import { evaluateStoredReview } from "@/lib/domain/review-input";
import type { TierTargets } from "@/lib/domain/targets";
import type { Tier } from "@/lib/domain/types";
import type { ReviewEvaluation } from "@/lib/domain/verdict";
import { AppError } from "@/lib/errors";

// Loads what the engine needs for one review and runs it. Used by the page (outside a
// transaction) and by decideReview (inside one, after locking the review).

// Template versions are immutable once installed, so a template read once per process stays right.
const templates = new Map<string, TemplateDto>();

export async function getReviewTemplate(templateId: string): Promise<TemplateDto> {
  const cached = templates.get(templateId);
  if (cached) return cached;
  const template = await getTemplate(templateId);
  if (!template) throw new AppError("NOT_FOUND", "This review's checklist template is missing");
  templates.set(templateId, template);
  return template;
}

export type ReviewRows = { answers: AnswerDto[]; waivers: WaiverDto[] };

export async function loadReviewRows(client: Pick<Tx, "answer" | "waiver" | "user">, reviewId: string, today: string): Promise<ReviewRows> {
  // Sequential on purpose: inside a transaction all queries share one connection, which must not
  // receive a second query while the first is still running.
  const answerRows = await client.answer.findMany({ where: { reviewId }, orderBy: { item: { position: "asc" } }, select: answerSelect });
  const waiverRows = await client.waiver.findMany({
    where: { reviewId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: waiverSelect,
  });
  const people = await loadPeople(client, peopleIdsOf(answerRows, waiverRows));
  return {
    answers: answerRows.map((row) => toAnswerDto(row, people)),
    waivers: waiverRows.map((row) => toWaiverDto(row, people, today)),
  };
}

export function evaluateRows(
  template: TemplateDto,
  tier: Tier,
  rows: ReviewRows,
  today: string,
  tierTargets: TierTargets,
): ReviewEvaluation {
  return evaluateStoredReview({ items: template.items, tier, answers: rows.answers, waivers: rows.waivers, today, tierTargets });
}
