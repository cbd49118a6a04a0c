import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { ItemDisclosure } from "@/components/reviews/item-disclosure";
import type { ReviewEvaluationView } from "@/lib/db/reviews";
import type { TemplateItemDto } from "@/lib/db/templates";
import { evaluationHeadline } from "@/lib/domain/headline";
import { itemCountSentence } from "@/lib/domain/reason-items";
import type { Reason, ReasonSeverity } from "@/lib/domain/verdict";
import { SEVERITY_WORDS } from "@/lib/domain/words";
import { formatDate } from "@/lib/format/dates";
import { concernHref } from "@/lib/routes";

const SEVERITY_TONES: Record<ReasonSeverity, BadgeTone> = { blocker: "danger", warning: "warning", info: "info" };

export type VerdictPanelProps = {
  reviewId: string;
  evaluation: ReviewEvaluationView;
  items: readonly TemplateItemDto[];
};

function ReasonItems({
  reviewId,
  reason,
  evaluation,
  byKey,
}: {
  reviewId: string;
  reason: Reason;
  evaluation: ReviewEvaluationView;
  byKey: ReadonlyMap<string, TemplateItemDto>;
}) {
  const named = reason.itemKeys.flatMap((key) => {
    const item = byKey.get(key);
    return item ? [item] : [];
  });
  if (named.length === 0) return null;
  const summary = itemCountSentence(
    named.map((item) => evaluation.outcomes[item.key] ?? "UNANSWERED"),
    reason.code,
  );
  return (
    <ItemDisclosure count={named.length} summary={summary} className="mt-1">
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {named.map((item) => (
          <li key={item.key}>
            <Link
              href={concernHref(reviewId, item.concernKey, item.key)}
              className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
            >
              {item.title}
            </Link>
          </li>
        ))}
      </ul>
    </ItemDisclosure>
  );
}

/** The computed verdict in one sentence, and every reason behind it; each item named links to where it is answered. */
export function VerdictPanel({ reviewId, evaluation, items }: VerdictPanelProps) {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const headline = evaluationHeadline(evaluation);
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle id="verdict-heading">Computed verdict</CardTitle>
          <CardDescription>
            {evaluation.isFrozen
              ? `Frozen when the review was decided (evaluated for ${formatDate(evaluation.evaluatedOn)}).`
              : `From the answers and active waivers as of ${formatDate(evaluation.evaluatedOn)}.`}
          </CardDescription>
        </div>
        <VerdictBadge verdict={evaluation.verdict} size="md" />
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="font-medium text-ink">{headline.verdict}</p>
        {headline.waiting ? <p className="text-sm text-ink-muted">{headline.waiting}</p> : null}
        {evaluation.reasons.length === 0 ? (
          <p className="text-sm text-ink-muted">Nothing stands in the way.</p>
        ) : (
          <ul aria-labelledby="verdict-heading" className="space-y-3">
            {evaluation.reasons.map((reason, index) => (
              <li key={`${reason.code}-${index}`} className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:gap-3">
                <Badge tone={SEVERITY_TONES[reason.severity]} className="self-start">
                  {SEVERITY_WORDS[reason.severity]}
                </Badge>
                <div className="min-w-0 text-sm">
                  <p className="text-ink">{reason.message}</p>
                  <ReasonItems reviewId={reviewId} reason={reason} evaluation={evaluation} byKey={byKey} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
