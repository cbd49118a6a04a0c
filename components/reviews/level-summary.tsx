import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LevelBadge } from "@/components/readiness/level-badge";
import type { ReviewEvaluationView } from "@/lib/db/reviews";
import type { TemplateItemDto } from "@/lib/db/templates";
import { OUTCOME_BADGES } from "./labels";
import { ItemDisclosure } from "@/components/reviews/item-disclosure";
import { evaluationHeadline } from "@/lib/domain/headline";
import { itemCountSentence } from "@/lib/domain/reason-items";
import { concernHref } from "@/lib/routes";

export type LevelSummaryProps = { evaluation: ReviewEvaluationView };

/**
 * Level with waivers, without waivers and the tier's target, side by side, under the standing sentence the
 * verdict headline states too (both from evaluationHeadline, so the two cards cannot disagree).
 */
export function LevelSummary({ evaluation }: LevelSummaryProps) {
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>Maturity level</CardTitle>
          <CardDescription>{evaluationHeadline(evaluation).standing}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-3">
          {(
            [
              ["Level with waivers", evaluation.level],
              ["Level without waivers", evaluation.levelWithoutWaivers],
              [`Target for tier ${evaluation.tier}`, evaluation.target],
            ] as const
          ).map(([term, level]) => (
            <div key={term} className="space-y-1">
              <dt className="text-sm text-ink-muted">{term}</dt>
              <dd>
                <LevelBadge level={level} size="md" />
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

export type NextLevelProps = { reviewId: string; evaluation: ReviewEvaluationView; items: readonly TemplateItemDto[] };

/** What still stands between this review and the next level, linked to where each item is answered. */
export function NextLevel({ reviewId, evaluation, items }: NextLevelProps) {
  const next = evaluation.nextLevel;
  const titles = new Map(items.map((item) => [item.key, item.title]));
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>What the next level still needs</CardTitle>
          <CardDescription>
            {next ? `Items up to L${next.level} that do not count as met yet.` : "This review reaches the highest level, L4."}
          </CardDescription>
        </div>
        {next ? <LevelBadge level={next.level} /> : null}
      </CardHeader>
      {next && next.items.length > 0 ? (
        <CardContent>
          <ItemDisclosure count={next.items.length} summary={itemCountSentence(next.items.map((item) => item.outcome))}>
            <ul className="divide-y divide-line text-sm">
              {next.items.map((item) => (
                <li key={item.key} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link
                    href={concernHref(reviewId, item.concernKey, item.key)}
                    className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
                  >
                    {titles.get(item.key) ?? item.title}
                  </Link>
                  <span className="text-ink-muted">
                    L{item.level} · {OUTCOME_BADGES[item.outcome].label}
                  </span>
                </li>
              ))}
            </ul>
          </ItemDisclosure>
        </CardContent>
      ) : null}
    </Card>
  );
}
