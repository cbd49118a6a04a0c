import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import type { ReviewList } from "@/lib/db/reviews";
import { formatDateTime, formatDay, reviewHref, STATUS_BADGES, TRIGGER_LABELS } from "./labels";

export function ReviewsTable({ list, caption }: { list: ReviewList; caption: string }) {
  return (
    <Table label="Reviews">
      <Caption srOnly>
        {caption}, page {list.page} of {list.pageCount}, {list.total} in all
      </Caption>
      <THead>
        <tr>
          <TH>Service</TH>
          <TH>Team</TH>
          <TH>Trigger</TH>
          <TH>Status</TH>
          <TH>Answered</TH>
          <TH>Target date</TH>
          <TH>Started</TH>
        </tr>
      </THead>
      <TBody>
        {list.items.map((review) => {
          const status = STATUS_BADGES[review.status];
          return (
            <TR key={review.id}>
              <TH scope="row">
                <Link href={reviewHref(review.id)} className="text-brand-700 underline-offset-2 hover:underline">
                  {review.service.name}
                </Link>
                <span className="block text-xs font-normal text-ink-muted">Tier {review.service.tier}</span>
              </TH>
              <TD>{review.service.team.name}</TD>
              <TD>{TRIGGER_LABELS[review.trigger]}</TD>
              <TD>
                <div className="flex flex-wrap gap-1">
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {review.decision ? <VerdictBadge verdict={review.decision} /> : null}
                </div>
              </TD>
              <TD className="tabular-nums">{review.answeredCount}</TD>
              <TD className="whitespace-nowrap">{review.targetDate ? formatDay(review.targetDate) : "—"}</TD>
              <TD className="whitespace-nowrap">{formatDateTime(review.createdAt)}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

export type ReviewsPaginationProps = { list: ReviewList; hrefFor: (page: number) => string };

export function ReviewsPagination({ list, hrefFor }: ReviewsPaginationProps) {
  const linkClass = "rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-slate-100";
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-ink-muted">
        Page {list.page} of {list.pageCount} · {list.total} reviews
      </p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link href={hrefFor(list.page - 1)} className={linkClass}>
            Previous page
          </Link>
        ) : null}
        {list.page < list.pageCount ? (
          <Link href={hrefFor(list.page + 1)} className={linkClass}>
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
