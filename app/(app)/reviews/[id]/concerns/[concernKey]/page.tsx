import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ItemCard } from "@/components/reviews/item-card";
import { loadReviewPage } from "@/app/(app)/reviews/[id]/review-page-data";
import { ReviewHeader } from "@/components/reviews/review-header";
import { ConcernCarriedAnswers } from "@/components/reviews/concern-carried-answers";
import { ConcernPractice } from "@/components/reviews/concern-practice";
import { ConcernAssignment } from "@/components/reviews/concern-assignment";
import { concernPractice } from "@/lib/domain/default-template";
import type { ReviewStatus } from "@/lib/domain/types";

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
  const view = await loadReviewPage(id);
  const key = safeDecode(concernKey);
  const concern = view.template.concerns.find((c) => c.key === key);
  if (!concern) notFound();

  const { review, evaluation, permissions } = view;
  const allItems = view.template.items.filter((item) => item.concernKey === key);
  // The engine ignores items outside the service's tier, so the page does too (and says so).
  const items = allItems.filter((item) => item.tiers.includes(evaluation.tier));
  const skipped = allItems.length - items.length;

  return (
    <>
      <ReviewHeader view={view} title={concern.title} current={concern.title} active={{ concernKey: concern.key }} />
      <div className="space-y-6">
        <ConcernAssignment view={view} concernKey={concern.key} />
        {concern.description ? <p className="max-w-prose text-sm text-ink-muted">{concern.description}</p> : null}
        <ConcernPractice practice={concernPractice(view.template.key, concern.key)} />
        <ConcernCarriedAnswers view={view} concernKey={concern.key} concernTitle={concern.title} />
        {!permissions.canEdit ? (
          <Alert tone="info" role={undefined}>
            {readOnlyReason(review.status)}
          </Alert>
        ) : (
          <p className="text-sm text-ink-muted">
            Save each item with its Save button or Ctrl+Enter (⌘+Enter on a Mac). If someone else saves the same item meanwhile, you will be
            asked which version to keep.
          </p>
        )}
        {skipped > 0 ? (
          <p className="text-sm text-ink-muted">
            {skipped} {skipped === 1 ? "item does" : "items do"} not apply to tier {evaluation.tier} services and{" "}
            {skipped === 1 ? "is" : "are"} not shown.
          </p>
        ) : null}
        {items.length === 0 ? (
          <EmptyState title="Nothing to answer here" description={`No item of this concern applies to tier ${evaluation.tier} services.`} />
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
      </div>
    </>
  );
}
