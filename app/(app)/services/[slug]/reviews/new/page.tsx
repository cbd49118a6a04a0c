import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StartReviewForm } from "@/components/reviews/start-review-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/session/viewer";
import { todayUtc } from "@/lib/db/review-access";
import { getReviewStartContext, listReviewerOptions } from "@/lib/db/reviews";
import { formatDate } from "@/lib/format/dates";
import { newReviewHref, reviewHref, serviceHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Start a review" };

type PageProps = { params: Promise<{ slug: string }> };

export default async function StartReviewPage({ params }: PageProps) {
  const { slug } = await params;
  const viewer = await requireViewer(newReviewHref(slug));
  const context = await getReviewStartContext(viewer, slug);
  if (!context) notFound();
  const reviewers = context.canStart && !context.openReviewId ? await listReviewerOptions(context.service.team.id) : [];
  const { service } = context;
  const serviceLink = serviceHref(service.slug);

  return (
    <>
      <PageHeader
        title="Start a review"
        description={`A production readiness review of ${service.name} (tier ${service.tier}, owned by ${service.team.name}).`}
        breadcrumbs={[{ label: "Services", href: "/services" }, { label: service.name, href: serviceLink }, { label: "Start a review" }]}
      />
      {!context.canStart ? (
        <Alert tone="warning" title="You cannot start a review of this service">
          Only editors of {service.team.name} can start its reviews.
        </Alert>
      ) : context.openReviewId ? (
        <Alert tone="info" title="This service already has an open review">
          Finish it before starting another:{" "}
          <Link href={reviewHref(context.openReviewId)} className="font-medium underline underline-offset-2">
            open the current review
          </Link>
          .
        </Alert>
      ) : (
        <StartReviewForm
          serviceId={service.id}
          reviewers={reviewers}
          carryFromDecidedOn={context.lastDecided?.decidedAt ? formatDate(context.lastDecided.decidedAt) : null}
          cancelHref={serviceLink}
          today={todayUtc()}
        />
      )}
    </>
  );
}
