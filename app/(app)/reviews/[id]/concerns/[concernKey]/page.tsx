import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ItemCard } from "@/components/reviews/item-card";
import { loadReviewPage } from "@/app/(app)/reviews/[id]/review-page-data";
import { ReviewHeader } from "@/components/reviews/review-header";
import { ConcernCarriedAnswers, ReviewCarriedAnswers } from "@/components/reviews/concern-carried-answers";
import { ConcernPractice } from "@/components/reviews/concern-practice";
import { KeyLegend } from "@/components/reviews/key-legend";
import { ProgressPanel } from "@/components/reviews/progress-panel";
import { ReviewWorkspace } from "@/components/reviews/review-workspace";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { ConcernAssignment } from "@/components/reviews/concern-assignment";
import { concernPractice } from "@/lib/domain/default-template";
import type { ReviewStatus } from "@/lib/domain/types";
import { concernHref, reviewHref } from "@/lib/routes";

type PageProps = { params: Promise<{ id: string; concernKey: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { id, concernKey } = await params;
  const view = await loadReviewPage(id);
  const concern = view.template.concerns.find((c) => c.key === safeDecode(concernKey));
  return { title: `${concern?.title ?? "Concern"} · ${view.service.name}` };
}

function readOnlyReason(status: ReviewStatus): string {
  if (status === "DECIDED") return "This review was decided; what you see is exactly what was decided.";
  if (status === "SUBMITTED") return "This review is waiting for a decision; the team can reopen it to change answers.";
  if (status === "DRAFT") return "Only editors of the owning team can change answers; you can read them.";
  return "This review is read-only.";
}

/** Keys are kebab-case, but a hand-typed URL may carry broken escapes; those simply match nothing. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export default async function ConcernPage({ params }: PageProps) {
  const { id, concernKey } = await params;
  const [view, tierTargets] = await Promise.all([loadReviewPage(id), loadTierTargets()]);
  const key = safeDecode(concernKey);
  const concern = view.template.concerns.find((c) => c.key === key);
  if (!concern) notFound();

  const { review, evaluation, permissions, template } = view;
  const applies = (item: { tiers: readonly number[] }) => item.tiers.includes(evaluation.tier);
  const allItems = template.items.filter((item) => item.concernKey === key);
  // The engine ignores items outside the service's tier, so the page does too (and says so).
  const items = allItems.filter(applies);
  const skipped = allItems.length - items.length;
  // "Next" skips concerns with nothing to answer at this tier, and lands on the next concern's first item.
  const position = template.concerns.findIndex((c) => c.key === key);
  const next = template.concerns
    .slice(position + 1)
    .map((c) => ({ concern: c, first: template.items.find((item) => item.concernKey === c.key && applies(item)) }))
    .find((candidate) => candidate.first !== undefined);
  const nextHref = next?.first ? concernHref(review.id, next.concern.key, next.first.key) : null;
  const canAnswer = permissions.canEdit;

  return (
    <ReviewWorkspace
      reviewId={review.id}
      items={template.items}
      tier={evaluation.tier}
      tierTargets={tierTargets}
      today={evaluation.evaluatedOn}
      waivers={view.waivers}
      answers={view.answers}
      nextConcernHref={canAnswer ? nextHref : null}
    >
      <ReviewHeader view={view} title={concern.title} current={concern.title} active={{ concernKey: concern.key }} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="order-2 min-w-0 space-y-4 lg:order-1">
          <ConcernAssignment view={view} concernKey={concern.key} />
          {concern.description ? <p className="max-w-prose text-sm text-ink-muted">{concern.description}</p> : null}
          <ConcernPractice practice={concernPractice(template.key, concern.key)} />
          <ConcernCarriedAnswers view={view} concernKey={concern.key} concernTitle={concern.title} />
          {!canAnswer ? (
            <Alert tone="info" role={undefined}>
              {readOnlyReason(review.status)}
            </Alert>
          ) : (
            <KeyLegend />
          )}
          {skipped > 0 ? (
            <p className="text-sm text-ink-muted">
              {skipped} {skipped === 1 ? "item does" : "items do"} not apply to tier {evaluation.tier} services and{" "}
              {skipped === 1 ? "is" : "are"} not shown.
            </p>
          ) : null}
          {items.length === 0 ? (
            <EmptyState
              title="Nothing to answer here"
              description={`No item of this concern applies to tier ${evaluation.tier} services.`}
            />
          ) : (
            items.map((item) => (
              <ItemCard
                key={item.key}
                reviewId={review.id}
                item={item}
                answer={view.answers[item.key] ?? null}
                waivers={view.waivers.filter((w) => w.itemKey === item.key)}
                outcome={evaluation.outcomes[item.key] ?? "UNANSWERED"}
                permissions={permissions}
                today={evaluation.evaluatedOn}
              />
            ))
          )}
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
            {next?.first ? (
              <ButtonLink href={concernHref(review.id, next.concern.key, next.first.key)} data-next-concern>
                Next concern: {next.concern.title} →
              </ButtonLink>
            ) : (
              <ButtonLink href={reviewHref(review.id)} data-next-concern>
                Last concern: back to the overview →
              </ButtonLink>
            )}
          </div>
        </div>
        <ProgressPanel
          reviewId={review.id}
          concerns={template.concerns}
          activeConcernKey={concern.key}
          confirmAll={<ReviewCarriedAnswers view={view} />}
        />
      </div>
    </ReviewWorkspace>
  );
}
