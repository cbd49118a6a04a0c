import { Suspense } from "react";
import { MaturityTrendChart } from "@/components/history/maturity-trend-chart";
import { ReviewDiffForm, reviewOptions } from "@/components/history/review-diff-form";
import { ReviewDiffTable } from "@/components/history/review-diff-table";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LevelBadge } from "@/components/readiness/level-badge";
import { Skeleton, SkeletonList } from "@/components/ui/skeleton";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { getReviewDiff, getServiceHistory } from "@/lib/db/service-history";
import type { ServiceDetail } from "@/lib/db/services";
import { isAppError } from "@/lib/errors";
import { TRIGGER_WORDS } from "@/lib/domain/words";
import { DateText } from "@/components/ui/date-text";
import { serviceHistoryHref } from "@/lib/routes";

export type ServiceHistorySectionProps = {
  service: ServiceDetail;
  /** The reviews to compare, from the page's ?from=&to=; the two newest decided reviews when absent. */
  from: string | undefined;
  to: string | undefined;
};

/** The service page's History section; it streams in after the rest of the page, behind a skeleton. */
export function ServiceHistorySection(props: ServiceHistorySectionProps) {
  return (
    <section id="history" aria-labelledby="history-heading" className="mt-10 space-y-4">
      <h2 id="history-heading" className="text-lg font-semibold text-ink">
        History
      </h2>
      <Suspense fallback={<HistorySkeleton />}>
        <ServiceHistoryContent {...props} />
      </Suspense>
    </section>
  );
}

function HistorySkeleton() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-72 w-full" />
      <SkeletonList rows={3} label="Loading the service's history…" />
    </div>
  );
}

/** Where the service stands, how it got there, and what changed between any two of its reviews. */
async function ServiceHistoryContent({ service, from, to }: ServiceHistorySectionProps) {
  const history = await getServiceHistory(service.id);
  const newestFirst = [...history.reviews].reverse();
  const options = reviewOptions(history);
  const fromId = from ?? newestFirst[1]?.id;
  const toId = to ?? newestFirst[0]?.id;
  const { currentLevel, targetLevel, lastDecidedAt } = history;
  return (
    <>
      <dl className="grid gap-4 rounded-lg border border-line bg-surface p-5 text-sm sm:grid-cols-3">
        <div className="space-y-1">
          <dt className="text-ink-muted">Current level</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {currentLevel === null ? <span className="text-ink">Not decided yet</span> : <LevelBadge level={currentLevel} size="md" />}
            <span className="text-ink-muted">target L{targetLevel}</span>
          </dd>
          {currentLevel !== null ? (
            <dd className="text-ink">{currentLevel >= targetLevel ? "Meets the target" : "Below the target"}</dd>
          ) : null}
        </div>
        <div className="space-y-1">
          <dt className="text-ink-muted">Last verdict</dt>
          <dd>
            <VerdictBadge verdict={history.lastVerdict} size="md" />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-ink-muted">Last decided</dt>
          <dd className="text-ink">{lastDecidedAt ? <DateText value={lastDecidedAt} /> : "Never"}</dd>
        </div>
      </dl>
      {history.reviews.length === 0 ? (
        <EmptyState as="h3" title="No decided reviews yet" description="Each decided review adds its level and verdict to this history." />
      ) : (
        <Card role="region" aria-labelledby="trend-heading">
          <CardHeader>
            <div>
              <CardTitle as="h3" id="trend-heading">
                Level and verdict over time
              </CardTitle>
              <CardDescription>The level each decided review reached, its verdict, and the target for tier {history.tier}.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <MaturityTrendChart
              serviceName={service.name}
              target={targetLevel}
              points={history.reviews.map((r) => ({
                reviewId: r.id,
                decidedAt: r.decidedAt.toISOString(),
                level: r.level,
                verdict: r.decision ?? r.computedVerdict,
                triggerLabel: TRIGGER_WORDS[r.trigger],
              }))}
            />
          </CardContent>
        </Card>
      )}
      {options.length >= 2 || from || to ? (
        <Card role="region" aria-labelledby="compare-heading">
          <CardHeader>
            <CardTitle as="h3" id="compare-heading">
              What changed between two reviews
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <ReviewDiffForm action={serviceHistoryHref(service.slug)} options={options} from={fromId} to={toId} />
            {fromId && toId ? <ReviewComparison serviceId={service.id} from={fromId} to={toId} /> : null}
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}

async function ReviewComparison({ serviceId, from, to }: { serviceId: string; from: string; to: string }) {
  if (from === to) {
    return <Alert title="Choose two different reviews">Pick one review under “Compare” and another one under “with”.</Alert>;
  }
  let result;
  try {
    result = await getReviewDiff(serviceId, from, to);
  } catch (error) {
    if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
    // A hand-edited or stale link: say so and let the form offer the reviews that do exist.
    return (
      <Alert tone="warning" title="These reviews can't be compared">
        At least one of them does not exist or belongs to another service. Choose two reviews from the lists above.
      </Alert>
    );
  }
  return <ReviewDiffTable result={result} />;
}
