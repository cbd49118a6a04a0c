import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { TextLink } from "@/components/ui/text-link";
import type { DecisionQueue, QueuedReview, QueuedService, QueuedWaiver } from "@/lib/db/home";
import { TIER_WORDS, TRIGGER_WORDS } from "@/lib/domain/words";
import { reviewHref, reviewPendingWaiversHref, reviewsListHref, serviceHref } from "@/lib/routes";
import { HomeList, HomeRow, HomeSection } from "./home-section";

/** How many of each the home lists; the rest are counted. */
const SHOWN = 10;

function ServiceLine({ service }: { service: QueuedService }) {
  return (
    <>
      <TextLink href={serviceHref(service.slug)} className="underline">
        {service.name}
      </TextLink>
      <span className="text-ink-muted">
        {" "}
        · {service.team.name} · {TIER_WORDS[service.tier]}
      </span>
    </>
  );
}

function NamedYou({ isNamed }: { isNamed: boolean }) {
  return isNamed ? <Badge tone="info">Names you as reviewer</Badge> : null;
}

function ReviewRow({ review }: { review: QueuedReview }) {
  return (
    <HomeRow
      action={
        <ButtonLink href={reviewHref(review.reviewId)} size="sm">
          Decide<span className="sr-only"> the review of {review.service.name}</span>
        </ButtonLink>
      }
    >
      <p className="text-sm font-medium text-ink">
        <ServiceLine service={review.service} />
      </p>
      <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        <span>
          {TRIGGER_WORDS[review.trigger]} · signed by {review.submittedBy ?? "the owning team"} on <DateText value={review.submittedAt} />
        </span>
        <NamedYou isNamed={review.namesViewer} />
      </p>
    </HomeRow>
  );
}

function WaiverRow({ waiver }: { waiver: QueuedWaiver }) {
  return (
    <HomeRow
      action={
        <ButtonLink href={reviewPendingWaiversHref(waiver.reviewId)} size="sm">
          Review waiver
          <span className="sr-only">
            {" "}
            for {waiver.itemTitle} in {waiver.service.name}
          </span>
        </ButtonLink>
      }
    >
      <p className="text-sm font-medium text-ink">
        {waiver.itemTitle}
        <span className="font-normal text-ink-muted"> in </span>
        <ServiceLine service={waiver.service} />
      </p>
      <p className="line-clamp-2 text-sm text-ink">{waiver.reason}</p>
      <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        <span>
          Requested by {waiver.requestedBy ?? "unknown"} on <DateText value={waiver.requestedAt} /> · would expire on{" "}
          <DateText value={waiver.expiresOn} />
        </span>
        <NamedYou isNamed={waiver.namesViewer} />
      </p>
    </HomeRow>
  );
}

function countText(count: number, isTruncated: boolean): number | undefined {
  return isTruncated ? undefined : count;
}

/** The approver's half of the home: reviews to decide and waivers to approve, each linking where that happens. */
export function DecisionQueueSections({ queue }: { queue: DecisionQueue }) {
  return (
    <>
      <HomeSection
        id="awaiting-decision"
        title="Reviews awaiting your decision"
        count={countText(queue.reviews.length, queue.isTruncated)}
        description="Signed by their teams; you are not on the owning team and took no part in them. Those that name you as reviewer come first, then the longest waiting."
      >
        <HomeList
          items={queue.reviews}
          shown={SHOWN}
          empty={{
            title: "No review waits for your decision",
            description:
              "When another team signs a review you may decide, it appears here. Reviews of your own team, or ones you worked on, go to someone else.",
          }}
          row={(review) => <ReviewRow key={review.reviewId} review={review} />}
          more={(hidden) => (
            <>
              {hidden} more wait. <TextLink href={reviewsListHref("SUBMITTED", 1)}>See every submitted review</TextLink>
            </>
          )}
        />
      </HomeSection>
      <HomeSection
        id="awaiting-waivers"
        title="Waivers awaiting your approval"
        count={countText(queue.waivers.length, queue.isTruncated)}
        description="Requested by other teams for items they cannot meet yet. Approve or reject each one on its review's overview, beside the decision."
      >
        <HomeList
          items={queue.waivers}
          shown={SHOWN}
          empty={{
            title: "No waiver waits for your approval",
            description: "Waiver requests from other teams' open reviews appear here; ones you asked for yourself go to someone else.",
          }}
          row={(waiver) => <WaiverRow key={waiver.waiverId} waiver={waiver} />}
          more={(hidden) => `${hidden} more wait; they move up as the ones above are decided.`}
        />
      </HomeSection>
    </>
  );
}
