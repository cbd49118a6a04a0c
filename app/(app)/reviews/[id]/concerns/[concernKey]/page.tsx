import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { loadReviewPage, workspaceProps } from "@/app/(app)/reviews/[id]/review-page-data";
import { ReviewHeader } from "@/components/reviews/review-header";
import { ReviewCarriedAnswers } from "@/components/reviews/concern-carried-answers";
import { AnsweringNote, ConcernItems } from "@/components/reviews/concern-items";
import { ProgressPanel } from "@/components/reviews/progress-panel";
import { ReviewWorkspace } from "@/components/reviews/review-workspace";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { concernHref, reviewHref } from "@/lib/routes";

type PageProps = { params: Promise<{ id: string; concernKey: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { id, concernKey } = await params;
  const view = await loadReviewPage(id);
  const concern = view.template.concerns.find((c) => c.key === safeDecode(concernKey));
  return { title: `${concern?.title ?? "Concern"} · ${view.service.name}` };
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
  // "Next" skips concerns with nothing to answer at this tier, and lands on the next concern's first item.
  const position = template.concerns.findIndex((c) => c.key === key);
  const next = template.concerns
    .slice(position + 1)
    .map((c) => ({ concern: c, first: template.items.find((item) => item.concernKey === c.key && applies(item)) }))
    .find((candidate) => candidate.first !== undefined);
  const nextHref = next?.first ? concernHref(review.id, next.concern.key, next.first.key) : null;
  const canAnswer = permissions.canEdit;

  return (
    <ReviewWorkspace {...workspaceProps(view, tierTargets)} nextConcernHref={canAnswer ? nextHref : null}>
      <ReviewHeader view={view} title={concern.title} current={concern.title} active={{ concernKey: concern.key }} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="order-2 min-w-0 space-y-4 lg:order-1">
          <AnsweringNote status={review.status} canAnswer={canAnswer} />
          <ConcernItems view={view} concern={concern} />
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
