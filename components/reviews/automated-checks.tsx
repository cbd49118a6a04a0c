import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { TemplateItemDto } from "@/lib/db/templates";
import type { AnswerDto } from "@/lib/db/review-dtos";
import type { CheckState, ItemCheck } from "@/lib/domain/checks";
import { normalizeHttpUrl } from "@/lib/domain/links";
import { ANSWER_WORDS } from "@/lib/domain/words";
import { formatAge } from "@/lib/format/dates";
import { concernHref } from "@/lib/routes";

const STATE: Record<CheckState, { label: string; tone: BadgeTone }> = {
  PASSING: { label: "Passing", tone: "success" },
  WARNING: { label: "Warning", tone: "warning" },
  FAILING: { label: "Failing", tone: "danger" },
  STALE: { label: "Stale", tone: "warning" },
  MISSING: { label: "No result yet", tone: "neutral" },
};

export type AutomatedChecksProps = {
  reviewId: string;
  checks: readonly ItemCheck[];
  items: readonly TemplateItemDto[];
  answers: Readonly<Record<string, AnswerDto | undefined>>;
  now: Date;
};

/** What the automated checks of this review's bound items say now, the answer each suggests, and which ones are stale. */
export function AutomatedChecks({ reviewId, checks, items, answers, now }: AutomatedChecksProps) {
  if (checks.length === 0) return null;
  const byKey = new Map(items.map((item) => [item.key, item]));
  const unreliable = checks.filter((check) => check.state === "STALE" || check.state === "MISSING").length;
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>Automated checks</CardTitle>
          <CardDescription>A fresh result suggests the answer; someone on the team still confirms it on the item.</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-3">
        {unreliable > 0 ? (
          <Alert tone="warning" role={undefined}>
            {unreliable === 1 ? "1 automated check has" : `${unreliable} automated checks have`} no fresh result: answer{" "}
            {unreliable === 1 ? "that item" : "those items"} from what you know, not from an old result.
          </Alert>
        ) : null}
        <ul className="divide-y divide-line rounded-md border border-line text-sm">
          {checks.map((check) => {
            const item = byKey.get(check.itemKey);
            const answer = answers[check.itemKey];
            const disagrees = check.suggested !== null && answer !== undefined && answer.status !== check.suggested;
            const details = check.detailsUrl ? normalizeHttpUrl(check.detailsUrl) : null;
            return (
              <li key={check.itemKey} className="flex flex-wrap items-start justify-between gap-2 px-3 py-2">
                <div className="min-w-0 space-y-0.5">
                  <TextLink href={concernHref(reviewId, item?.concernKey ?? "", check.itemKey)} className="font-medium underline">
                    {item?.title ?? check.itemKey}
                  </TextLink>
                  <p className="text-ink-muted">
                    {check.observedAt
                      ? `${check.source === "CI" ? "From CI" : "Probe"}, ${formatAge(check.observedAt, now)}`
                      : "Never observed"}
                    {check.summary ? `: ${check.summary}` : ""}
                    {details ? (
                      <>
                        {" "}
                        <a href={details} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                          details<span className="sr-only"> (opens in a new tab)</span>
                        </a>
                      </>
                    ) : null}
                  </p>
                  {check.suggested ? (
                    <p className={disagrees ? "font-medium text-conditional-ink" : "text-ink-muted"}>
                      Suggests {ANSWER_WORDS[check.suggested].toLowerCase()}
                      {answer ? `; answered ${ANSWER_WORDS[answer.status].toLowerCase()}` : "; not answered yet"}
                    </p>
                  ) : null}
                </div>
                <Badge tone={STATE[check.state].tone}>{STATE[check.state].label}</Badge>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
