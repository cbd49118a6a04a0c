import { VerdictBadge } from "@/components/readiness/verdict-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateText } from "@/components/ui/date-text";
import { TextLink } from "@/components/ui/text-link";
import type { ServiceGate } from "@/lib/db/gate";
import { SEVERITY_WORDS } from "@/lib/domain/words";
import { API_TOKENS_PATH, apiServiceGateHref, reviewReportHref } from "@/lib/routes";

const SHOWN_REASONS = 3;

/** What a release pipeline asking "may this ship?" hears today, and the one line it takes to ask. */
export function DeployGateCard({ gate, origin }: { gate: ServiceGate; origin: string }) {
  const concerns = gate.reasons.filter((reason) => reason.severity !== "info");
  const command = `curl --fail -H "Authorization: Bearer $SHIPSHAPE_TOKEN" "${origin}${apiServiceGateHref(gate.service.slug)}?strict=true"`;
  return (
    <Card className="h-fit">
      <CardHeader>
        <div>
          <CardTitle>Deploy gate</CardTitle>
          <CardDescription>What a release pipeline is told today</CardDescription>
        </div>
        <VerdictBadge verdict={gate.verdict} />
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        {gate.decision ? (
          <p className="text-ink-muted">
            Rests on the decision of <DateText value={gate.decision.decidedAt} />
            {gate.decision.decidedBy ? ` by ${gate.decision.decidedBy}` : ""}:{" "}
            <TextLink href={reviewReportHref(gate.decision.reviewId)} className="underline">
              read the report
            </TextLink>
            .
          </p>
        ) : null}
        {concerns.length > 0 ? (
          <ul className="space-y-1.5">
            {concerns.slice(0, SHOWN_REASONS).map((reason) => (
              <li key={`${reason.code}-${reason.itemKeys.join(",")}`}>
                <span className="font-medium text-ink">{SEVERITY_WORDS[reason.severity]}:</span> {reason.message}
              </li>
            ))}
            {concerns.length > SHOWN_REASONS ? (
              <li className="text-ink-muted">and {concerns.length - SHOWN_REASONS} more in the API answer</li>
            ) : null}
          </ul>
        ) : (
          <p className="text-ink-muted">Nothing stands in the way.</p>
        )}
        <details className="rounded-md border border-line p-3">
          <summary className="cursor-pointer font-medium text-brand-700">Ask it from a pipeline</summary>
          <p className="mt-2 text-ink-muted">
            With an{" "}
            <TextLink href={API_TOKENS_PATH} className="underline">
              API token
            </TextLink>
            , this fails the job on no-go (HTTP 409):
          </p>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap text-ink">
            <code>{command}</code>
          </pre>
        </details>
      </CardContent>
    </Card>
  );
}
