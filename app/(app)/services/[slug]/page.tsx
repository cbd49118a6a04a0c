import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { ServiceHistorySection } from "@/components/history/service-history-section";
import { STATUS_BADGES } from "@/components/reviews/labels";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LevelBadge } from "@/components/readiness/level-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { can } from "@/lib/auth/permissions";
import { getViewer, requireViewer } from "@/lib/session/viewer";
import { normalizeHttpUrl } from "@/lib/domain/links";
import { getServiceBySlug, type ServiceDetail, type ServiceReviewSummary } from "@/lib/db/services";
import { LIFECYCLE_WORDS, TIER_WORDS, TRIGGER_WORDS } from "@/lib/domain/words";
import { DateText } from "@/components/ui/date-text";
import { editServiceHref, newReviewHref, reviewHref, serviceHref } from "@/lib/routes";
import { TextLink } from "@/components/ui/text-link";
import { DeployGateCard } from "@/components/services/deploy-gate-card";
import { getServiceGate } from "@/lib/db/gate";
import { env } from "@/lib/env";

type SearchParams = Record<string, string | string[] | undefined>;
type PageProps = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

// Metadata and the page ask for the same service; cache() makes that one query per request.
const loadService = cache(async (slug: string) => {
  return (await getViewer()) ? getServiceBySlug(slug) : null;
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const service = await loadService((await params).slug);
  return { title: service?.name ?? "Service" };
}

export default async function ServicePage({ params, searchParams }: PageProps) {
  const { slug } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(serviceHref(slug));
  const service = await loadService(slug);
  if (!service) notFound();

  const canEdit = can(viewer, { type: "service:update", teamId: service.team.id });
  const canReview = can(viewer, { type: "review:edit", teamId: service.team.id });
  const startReviewHref = newReviewHref(service.slug);
  // One open review per service: while there is one, the way forward is to continue it, not to start another.
  const openReview = service.reviews.find((review) => review.status === "DRAFT" || review.status === "SUBMITTED");
  const gate = await getServiceGate(service.slug);

  return (
    <>
      <PageHeader
        title={service.name}
        description={service.description || undefined}
        breadcrumbs={[{ label: "Services", href: "/services" }, { label: service.name }]}
        meta={
          <>
            <Badge tone="info">{service.team.name}</Badge>
            <Badge>{TIER_WORDS[service.tier]}</Badge>
            <Badge>{LIFECYCLE_WORDS[service.lifecycle]}</Badge>
          </>
        }
        actions={
          <>
            {canEdit ? (
              <ButtonLink href={editServiceHref(service.slug)} variant="secondary">
                Edit service
              </ButtonLink>
            ) : null}
            {openReview ? (
              <ButtonLink href={reviewHref(openReview.id)}>Continue the open review</ButtonLink>
            ) : canReview && service.reviews.length > 0 ? (
              <ButtonLink href={startReviewHref}>Start a review</ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6">
          <ServiceDetails service={service} />
          <DeployGateCard gate={gate} origin={env().NEXTAUTH_URL ?? ""} />
        </div>
        <section aria-labelledby="reviews-heading" className="space-y-4 lg:col-span-2">
          <h2 id="reviews-heading" className="text-lg font-semibold text-ink">
            Reviews
          </h2>
          {service.reviews.length > 0 ? (
            <ReviewsTable reviews={service.reviews} />
          ) : (
            <EmptyState
              as="h3"
              title="No reviews yet"
              description="Start a readiness review to see this service's maturity level and go/no-go verdict."
              action={canReview ? <ButtonLink href={startReviewHref}>Start a review</ButtonLink> : null}
            />
          )}
        </section>
      </div>
      <ServiceHistorySection service={service} from={firstValue(query.from)} to={firstValue(query.to)} />
    </>
  );
}

/** Only http(s) links become anchors, even for rows written before validation existed or by other tools. */
function SafeLink({ href: stored, label }: { href: string | null; label: string }) {
  if (!stored) return <span className="text-ink-muted">Not set</span>;
  const href = normalizeHttpUrl(stored);
  if (!href) return <span className="break-all">{stored}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="break-all text-brand-700 underline-offset-2 hover:underline">
      {label}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function ServiceDetails({ service }: { service: ServiceDetail }) {
  const rows: { term: string; detail: ReactNode }[] = [
    { term: "Owning team", detail: service.team.name },
    { term: "On-call", detail: service.onCall ?? <span className="text-ink-muted">Not set</span> },
    { term: "Repository", detail: <SafeLink href={service.repositoryUrl} label="Open repository" /> },
    { term: "Runbook", detail: <SafeLink href={service.runbookUrl} label="Open runbook" /> },
    { term: "Dashboard", detail: <SafeLink href={service.dashboardUrl} label="Open dashboard" /> },
    { term: "Health check", detail: <SafeLink href={service.healthUrl} label="Open health check" /> },
    { term: "Last changed", detail: <DateText value={service.updatedAt} /> },
  ];
  return (
    <Card className="h-fit">
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="space-y-3 text-sm">
          {rows.map((row) => (
            <div key={row.term}>
              <dt className="font-medium text-ink-muted">{row.term}</dt>
              <dd className="mt-0.5 text-ink">{row.detail}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function ReviewsTable({ reviews }: { reviews: ServiceReviewSummary[] }) {
  return (
    <Table>
      <Caption srOnly>Most recent reviews first</Caption>
      <HeaderRow columns={["Review", "Status", "Decided", "Level", "Verdict"]} />
      <TBody>
        {reviews.map((review) => {
          const status = STATUS_BADGES[review.status];
          return (
            <TR key={review.id}>
              <TH scope="row">
                <TextLink href={reviewHref(review.id)}>{TRIGGER_WORDS[review.trigger]}</TextLink>
                <span className="block text-xs font-normal text-ink-muted">
                  Started <DateText value={review.createdAt} />
                </span>
              </TH>
              <TD>
                <Badge tone={status.tone}>{status.label}</Badge>
              </TD>
              <TD>{review.decidedAt ? <DateText value={review.decidedAt} /> : "—"}</TD>
              <TD>
                {review.level !== null ? <LevelBadge level={review.level} compact /> : "—"}
                {review.targetLevel !== null ? <span className="block text-xs text-ink-muted">Target L{review.targetLevel}</span> : null}
              </TD>
              <TD>{review.status === "DECIDED" ? <VerdictBadge verdict={review.decision} /> : "—"}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
