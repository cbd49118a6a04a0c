import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { ReviewEvaluationView } from "@/lib/db/reviews";
import type { TemplateItemDto } from "@/lib/db/templates";
import type { ReasonSeverity } from "@/lib/domain/verdict";
import { formatDate } from "@/lib/format/dates";
import { concernHref } from "@/lib/routes";

const SEVERITY: Record<ReasonSeverity, { label: string; tone: BadgeTone }> = {
  blocker: { label: "Blocks go", tone: "danger" },
  warning: { label: "Condition", tone: "warning" },
  info: { label: "Note", tone: "info" },
};

export type VerdictPanelProps = {
  reviewId: string;
  evaluation: ReviewEvaluationView;
  items: readonly TemplateItemDto[];
};

/** The computed verdict and every reason behind it; each item named links to where it is answered. */
export function VerdictPanel({ reviewId, evaluation, items }: VerdictPanelProps) {
  const byKey = new Map(items.map((item) => [item.key, item]));
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
      <CardContent>
        {evaluation.reasons.length === 0 ? (
          <p className="text-sm text-ink-muted">Nothing stands in the way.</p>
        ) : (
          <ul aria-labelledby="verdict-heading" className="space-y-3">
            {evaluation.reasons.map((reason, index) => (
              <li key={`${reason.code}-${index}`} className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:gap-3">
                <Badge tone={SEVERITY[reason.severity].tone} className="self-start">
                  {SEVERITY[reason.severity].label}
                </Badge>
                <div className="min-w-0 text-sm">
                  <p className="text-ink">{reason.message}</p>
                  {reason.itemKeys.length > 0 ? (
                    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
                      {reason.itemKeys.map((key) => {
                        const item = byKey.get(key);
                        if (!item) return null;
                        return (
                          <li key={key}>
                            <Link
                              href={concernHref(reviewId, item.concernKey, key)}
                              className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
                            >
                              {item.title}
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
