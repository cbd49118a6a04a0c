import type { Metadata } from "next";
import { ConcernProgress } from "@/components/reviews/concern-progress";
import { ReviewCarriedAnswers } from "@/components/reviews/concern-carried-answers";
import { DecisionPanel } from "@/components/reviews/decision-panel";
import { PendingWaivers } from "@/components/reviews/pending-waivers";
import { LevelSummary, NextLevel } from "@/components/reviews/level-summary";
import { loadReviewChecks, loadReviewPage } from "@/app/(app)/reviews/[id]/review-page-data";
import { AutomatedChecks } from "@/components/reviews/automated-checks";
import { ReviewHeader } from "@/components/reviews/review-header";
import { VerdictPanel } from "@/components/reviews/verdict-panel";
import { formatDateTime } from "@/lib/format/dates";
import { ButtonLink } from "@/components/ui/button";
import { reviewAnswerHref } from "@/lib/routes";

type PageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const view = await loadReviewPage((await params).id);
  return { title: `Review of ${view.service.name}` };
}

export default async function ReviewOverviewPage({ params }: PageProps) {
  const view = await loadReviewPage((await params).id);
  const { review, evaluation, template } = view;
  const checks = await loadReviewChecks(review.id);

  return (
    <>
      <ReviewHeader view={view} title={`Readiness review: ${view.service.name}`} active="overview" />
      <div className="space-y-6">
        <ReviewCarriedAnswers view={view} />
        <div className="grid gap-6 lg:grid-cols-2">
          <LevelSummary evaluation={evaluation} />
          <VerdictPanel reviewId={review.id} evaluation={evaluation} items={template.items} />
        </div>
        <AutomatedChecks reviewId={review.id} checks={checks} items={template.items} answers={view.answers} now={new Date()} />
        <section aria-labelledby="progress-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="progress-heading" className="text-lg font-semibold text-ink">
              Concerns
            </h2>
            {view.permissions.canEdit ? (
              <ButtonLink href={reviewAnswerHref(review.id)} variant="secondary" size="sm">
                Answer every concern on one page
              </ButtonLink>
            ) : null}
          </div>
          <ConcernProgress reviewId={review.id} concerns={template.concerns} scores={evaluation.concerns} />
        </section>
        <div className="grid gap-6 lg:grid-cols-2">
          <NextLevel reviewId={review.id} evaluation={evaluation} items={template.items} />
          <div className="space-y-6">
            <PendingWaivers view={view} />
            <DecisionPanel view={view} />
          </div>
        </div>
        <section aria-labelledby="people-heading" className="text-sm text-ink-muted">
          <h2 id="people-heading" className="sr-only">
            People
          </h2>
          <p>
            Started by {review.startedBy?.name ?? "unknown"} on {formatDateTime(review.createdAt)}.{" "}
            {review.reviewers.length > 0
              ? `Reviewers: ${review.reviewers.map((person) => person.name).join(", ")}.`
              : "No reviewers named."}
          </p>
        </section>
      </div>
    </>
  );
}
