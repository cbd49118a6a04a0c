import { pageSummary, Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { ReviewList } from "@/lib/db/reviews";
import { STATUS_BADGES } from "./labels";
import { TRIGGER_WORDS } from "@/lib/domain/words";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { reviewHref } from "@/lib/routes";
import { TextLink } from "@/components/ui/text-link";

export function ReviewsTable({ list, caption }: { list: ReviewList; caption: string }) {
  return (
    <Table label="Reviews">
      <Caption srOnly>
        {caption}, page {list.page} of {list.pageCount}, {list.total} in all
      </Caption>
      <HeaderRow columns={["Service", "Team", "Trigger", "Status", "Answered", "Target date", "Started"]} />
      <TBody>
        {list.items.map((review) => {
          const status = STATUS_BADGES[review.status];
          return (
            <TR key={review.id}>
              <TH scope="row">
                <TextLink href={reviewHref(review.id)}>{review.service.name}</TextLink>
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
