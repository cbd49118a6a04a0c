import type { Metadata } from "next";
import Link from "next/link";
import { ReviewsPagination, ReviewsTable } from "@/components/reviews/reviews-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/session/viewer";
import { listReviews } from "@/lib/db/reviews";
import { reviewsSearchParams, type ReviewsSearchParams } from "@/lib/schemas/review";
import { cn } from "@/lib/utils/cn";
import { reviewsListHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Reviews" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS: { status: ReviewsSearchParams["status"]; label: string }[] = [
  { status: "OPEN", label: "Open" },
  { status: "DRAFT", label: "Drafts" },
  { status: "SUBMITTED", label: "Awaiting decision" },
  { status: "DECIDED", label: "Decided" },
];

function reviewsHref(status: ReviewsSearchParams["status"], page: number): string {
  return reviewsListHref(status, page);
}

export default async function ReviewsPage({ searchParams }: PageProps) {
  const params = reviewsSearchParams.parse(await searchParams);
  await requireViewer(reviewsHref(params.status, params.page));
  const list = await listReviews({ status: params.status, page: params.page });
  const current = FILTERS.find((filter) => filter.status === params.status) ?? FILTERS[0];

  return (
    <>
      <PageHeader title="Reviews" description="Production readiness reviews across all services, newest first." />
      <nav aria-label="Filter reviews by status" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((filter) => {
            const isActive = filter.status === params.status;
            return (
              <li key={filter.status}>
                <Link
                  href={reviewsHref(filter.status, 1)}
                  aria-current={isActive ? "page" : undefined}
                  className={cn(
                    "block rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                    isActive ? "bg-brand-600 text-white ring-brand-600" : "bg-surface text-ink ring-line-strong hover:bg-slate-100",
                  )}
                >
                  {filter.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {list.items.length > 0 ? (
        <>
          <ReviewsTable list={list} caption={`${current?.label ?? "Open"} reviews`} />
          <ReviewsPagination list={list} hrefFor={(page) => reviewsHref(params.status, page)} />
        </>
      ) : list.total > 0 ? (
        <EmptyState
          title="This page is empty"
          action={<ButtonLink href={reviewsHref(params.status, 1)}>Go to the first page</ButtonLink>}
        />
      ) : (
        <EmptyState
          title="No reviews here"
          description="Start a review from a service's page."
          action={<ButtonLink href="/services">Browse services</ButtonLink>}
        />
      )}
    </>
  );
}
