import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import { STATUS_BADGES } from "@/components/reviews/labels";
import type { TeamDueService, TeamReview, TeamWork } from "@/lib/db/home";
import { DUE_REASON_WORDS, TIER_WORDS, TRIGGER_WORDS } from "@/lib/domain/words";
import { concernHref, newReviewHref, quarterlyHref, reviewHref, serviceHref } from "@/lib/routes";
import { HomeList, HomeRow, HomeSection } from "./home-section";

/** How many due services the home lists before pointing at the quarterly agenda. */
const DUE_SHOWN = 10;

function teamNames(work: TeamWork): string {
  return work.teams.map((team) => team.name).join(", ");
}

function ProgressBar({ answered, total }: { answered: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  return (
    <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
      <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
    </div>
  );
}

function TeamReviewCard({ review }: { review: TeamReview }) {
  const { progress, service } = review;
  const badge = STATUS_BADGES[review.status];
  const headingId = `team-review-${review.id}`;
  return (
    <li>
      <Card className="h-full">
        <article aria-labelledby={headingId} className="flex h-full flex-col gap-3 p-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 id={headingId} className="font-semibold text-ink">
                <TextLink href={reviewHref(review.id)}>{service.name}</TextLink>
              </h3>
              <p className="text-sm text-ink-muted">
                {service.team.name} · {TIER_WORDS[service.tier]} · {TRIGGER_WORDS[review.trigger]}
              </p>
            </div>
            <Badge tone={badge.tone}>{badge.label}</Badge>
          </div>
          <div className="space-y-1.5 text-sm">
            <p className="text-ink">
              {progress.answered} of {progress.total} items answered
            </p>
            <ProgressBar answered={progress.answered} total={progress.total} />
            {progress.awaitingConfirmation > 0 ? (
              <p className="text-conditional-ink">
                {progress.awaitingConfirmation} carried {progress.awaitingConfirmation === 1 ? "answer waits" : "answers wait"} for
                confirmation
              </p>
            ) : null}
            {review.targetDate ? (
              <p className="text-ink-muted">
                Target date <DateText value={review.targetDate} />
              </p>
            ) : null}
          </div>
          <div className="mt-auto flex flex-wrap items-center gap-2">
            {review.status === "SUBMITTED" ? (
              <p className="text-sm text-ink-muted">
                Signed
                {review.submittedAt ? (
                  <>
                    {" "}
                    on <DateText value={review.submittedAt} />
                  </>
                ) : null}
                ; an approver from another team decides next.
              </p>
            ) : review.nextConcern ? (
              <ButtonLink href={concernHref(review.id, review.nextConcern.key)} size="sm">
                {/* One span, so the button's gap does not split the words; the service name tells the cards apart. */}
                <span>
                  Continue: {review.nextConcern.title}
                  <span className="sr-only"> in {service.name}</span>
                </span>
              </ButtonLink>
            ) : (
              <ButtonLink href={reviewHref(review.id)} size="sm">
                Sign off<span className="sr-only"> {service.name}</span>
              </ButtonLink>
            )}
          </div>
        </article>
      </Card>
    </li>
  );
}

function DueServiceRow({ service }: { service: TeamDueService }) {
  return (
    <HomeRow
      action={
        service.openReviewId ? (
          <TextLink href={reviewHref(service.openReviewId)} className="text-sm font-medium">
            Open review<span className="sr-only"> of {service.name}</span>
          </TextLink>
        ) : (
          <ButtonLink href={newReviewHref(service.slug)} size="sm" variant="secondary">
            Start review<span className="sr-only"> of {service.name}</span>
          </ButtonLink>
        )
      }
    >
      <p className="font-medium text-ink">
        <TextLink href={serviceHref(service.slug)}>{service.name}</TextLink>
      </p>
      <p className="text-sm text-ink-muted">
        {service.team.name} · {TIER_WORDS[service.tier]} · {DUE_REASON_WORDS[service.dueReason]}
        {service.daysSinceReview !== null ? ` · last decided ${service.daysSinceReview} days ago` : ""}
      </p>
    </HomeRow>
  );
}

/** The editor's half of the home: the team's open reviews with their progress, and what is due for review. */
export function TeamWorkSections({ work }: { work: TeamWork }) {
  const teams = teamNames(work);
  const onlyTeam = work.teams.length === 1 ? work.teams[0] : undefined;
  return (
    <>
      <HomeSection id="team-reviews" title="Your team's open reviews" description={`Reviews under way for ${teams}.`}>
        {work.reviews.length === 0 ? (
          <EmptyState
            as="h3"
            title="No open reviews"
            description={
              work.due.length > 0
                ? "Start a review for one of the services due below; it stays here until it is decided."
                : "Nothing is under way. Start a review from a service's page when it changes or its next review comes up."
            }
          />
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {work.reviews.map((review) => (
              <TeamReviewCard key={review.id} review={review} />
            ))}
          </ul>
        )}
      </HomeSection>
      <HomeSection
        id="team-due"
        title="Due for review"
        description="Services with no decided review in the last 90 days, never reviewed, or with a trigger waiting — as the quarterly meeting counts them."
      >
        <HomeList
          items={work.due}
          shown={DUE_SHOWN}
          empty={{
            title: "Nothing is due",
            description: `No service of ${teams} is due: none is without a decided review from the last 90 days, and no trigger waits. New services appear here until their first review is decided.`,
          }}
          row={(service) => <DueServiceRow key={service.id} service={service} />}
          more={(hidden) => (
            <>
              {hidden} more due.{" "}
              <TextLink href={quarterlyHref(work.quarter, "agenda", { team: onlyTeam?.slug })}>See the quarterly agenda</TextLink>
            </>
          )}
        />
      </HomeSection>
    </>
  );
}
