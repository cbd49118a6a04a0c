import type { Metadata } from "next";
import { loadReviewPage, workspaceProps } from "@/app/(app)/reviews/[id]/review-page-data";
import { ButtonLink } from "@/components/ui/button";
import { ReviewCarriedAnswers } from "@/components/reviews/concern-carried-answers";
import { AnsweringNote, ConcernItems } from "@/components/reviews/concern-items";
import { ProgressPanel } from "@/components/reviews/progress-panel";
import { ReviewHeader } from "@/components/reviews/review-header";
import { ReviewWorkspace } from "@/components/reviews/review-workspace";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { concernAnchor, reviewHref } from "@/lib/routes";

type PageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const view = await loadReviewPage((await params).id);
  return { title: `All concerns · ${view.service.name}` };
}

/** The whole checklist on one page: every concern under its heading, answered card after card without a page change. */
export default async function AnswerAllPage({ params }: PageProps) {
  const [view, tierTargets] = await Promise.all([loadReviewPage((await params).id), loadTierTargets()]);
  const { review, evaluation, permissions, template } = view;
  const concerns = template.concerns.filter((concern) =>
    template.items.some((item) => item.concernKey === concern.key && item.tiers.includes(evaluation.tier)),
  );

  return (
    <ReviewWorkspace {...workspaceProps(view, tierTargets)} nextConcernHref={null} refreshWhenSettled>
      <ReviewHeader view={view} title="All concerns" current="All concerns" active="all" />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="order-2 min-w-0 space-y-8 lg:order-1">
          <AnsweringNote status={review.status} canAnswer={permissions.canEdit} />
          {concerns.map((concern) => (
            <section
              key={concern.key}
              id={concernAnchor(concern.key)}
              aria-labelledby={`${concernAnchor(concern.key)}-title`}
              className="scroll-mt-24 space-y-4"
            >
              <h2 id={`${concernAnchor(concern.key)}-title`} className="border-b border-line pb-2 text-lg font-semibold text-ink">
                {concern.title}
              </h2>
              <ConcernItems view={view} concern={concern} />
            </section>
          ))}
          <div className="border-t border-line pt-4">
            <ButtonLink href={reviewHref(review.id)} data-next-concern>
              Back to the overview →
            </ButtonLink>
          </div>
        </div>
        <ProgressPanel
          reviewId={review.id}
          concerns={template.concerns}
          activeConcernKey=""
          onePage
          confirmAll={<ReviewCarriedAnswers view={view} />}
        />
      </div>
    </ReviewWorkspace>
  );
}
