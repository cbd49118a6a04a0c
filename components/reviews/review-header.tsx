import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { PageHeader, type Breadcrumb } from "@/components/ui/page-header";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { ReviewView } from "@/lib/db/reviews";
import { STATUS_BADGES } from "./labels";
import { ReviewNav } from "./review-nav";
import { TRIGGER_WORDS } from "@/lib/domain/words";
import { formatDate } from "@/lib/format/dates";
import { reviewHref, serviceHref } from "@/lib/routes";

export type ReviewHeaderProps = {
  view: ReviewView;
  title: ReactNode;
  /** The crumb for the page itself; omitted on the overview. */
  current?: string;
  active: "overview" | "history" | "all" | { concernKey: string };
  actions?: ReactNode;
};

/** The header every review page shares: where you are, the review's state, and navigation between its pages. */
export function ReviewHeader({ view, title, current, active, actions }: ReviewHeaderProps) {
  const { review, service, template } = view;
  const status = STATUS_BADGES[review.status];
  const crumbs: Breadcrumb[] = [
    { label: "Services", href: "/services" },
    { label: service.name, href: serviceHref(service.slug) },
    { label: "Review", href: reviewHref(review.id) },
  ];
  if (current) crumbs.push({ label: current });

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={crumbs}
        actions={actions}
        meta={
          <>
            <Badge tone={status.tone}>{status.label}</Badge>
            {review.decision ? (
              <span className="inline-flex items-center gap-1 text-sm text-ink-muted">
                Decision <VerdictBadge verdict={review.decision} />
              </span>
            ) : null}
            <Badge>{TRIGGER_WORDS[review.trigger]}</Badge>
            <Badge tone="info">{service.team.name}</Badge>
            <Badge>Tier {service.tier}</Badge>
            <span className="text-sm text-ink-muted">
              {template.name} v{template.version}
              {review.targetDate ? ` · target ${formatDate(review.targetDate)}` : ""}
            </span>
          </>
        }
        className="mb-4"
      />
      <ReviewNav reviewId={review.id} concerns={template.concerns} active={active} />
    </>
  );
}
