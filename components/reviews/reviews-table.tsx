import Link from "next/link";
import { pageSummary, Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { ReviewList } from "@/lib/db/reviews";
import { STATUS_BADGES } from "./labels";
import { TRIGGER_WORDS } from "@/lib/domain/words";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { reviewHref } from "@/lib/routes";

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
              <TD>{TRIGGER_WORDS[review.trigger]}</TD>
              <TD>
                <div className="flex flex-wrap gap-1">
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {review.decision ? <VerdictBadge verdict={review.decision} /> : null}
                </div>
              </TD>
              <TD className="tabular-nums">{review.answeredCount}</TD>
              <TD className="whitespace-nowrap">{review.targetDate ? formatDate(review.targetDate) : "—"}</TD>
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
  return (
    <Pagination
      page={list.page}
      pageCount={list.pageCount}
      summary={pageSummary(list.page, list.pageCount, list.total, "review")}
      hrefFor={hrefFor}
    />
  );
}
