import type { Metadata } from "next";
import { HistoryList } from "@/components/reviews/history-list";
import { loadReviewPage } from "@/app/(app)/reviews/[id]/review-page-data";
import { ReviewHeader } from "@/components/reviews/review-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/session/viewer";
import { listReviewHistory } from "@/lib/db/reviews";
import { reviewHistoryHref } from "@/lib/routes";

type PageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const view = await loadReviewPage((await params).id);
  return { title: `History · ${view.service.name}` };
}

export default async function ReviewHistoryPage({ params }: PageProps) {
  const { id } = await params;
  const view = await loadReviewPage(id);
  const viewer = await requireViewer(reviewHistoryHref(id));
  const events = await listReviewHistory(viewer, view.review.id);
  const itemTitles = new Map(view.template.items.map((item) => [item.key, item.title]));

  return (
    <>
      <ReviewHeader view={view} title="History" current="History" active="history" />
      <p className="mb-4 max-w-prose text-sm text-ink-muted">
        Every change to this review, newest first, written in the same transaction as the change itself. Times are in UTC; “Show details”
        keeps the exact values before and after.
      </p>
      {events.length === 0 ? (
        <EmptyState title="No history yet" />
      ) : (
        <HistoryList events={events} itemTitles={itemTitles} now={new Date()} />
      )}
    </>
  );
}
