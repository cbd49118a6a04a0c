import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { PortfolioHeadline } from "@/lib/db/portfolio";
import { largestRemainderPercents } from "@/lib/domain/portfolio";
import { formatDate } from "@/lib/format/dates";

const percentFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** One decimal, from counts, so the figure matches the CSV export exactly. */
export function percentOf(count: number, total: number): string {
  if (total === 0) return "–";
  const [share = 0] = largestRemainderPercents([count, total - count], 1);
  return `${percentFormat.format(share)} %`;
}

function Figure({ title, value, detail, children }: { title: string; value: ReactNode; detail: ReactNode; children?: ReactNode }) {
  return (
    <Card className="flex flex-col gap-1 p-5">
      <h3 className="text-sm font-medium text-ink-muted">{title}</h3>
      <p className="text-3xl font-semibold tracking-tight text-ink tabular-nums">{value}</p>
      <p className="text-sm text-ink-muted">{detail}</p>
      {children}
    </Card>
  );
}

export function HeadlineFigures({ headline }: { headline: PortfolioHeadline }) {
  const { target, verdicts, overdue, expiringWaivers } = headline;
  return (
    <section aria-labelledby="headline-title" className="space-y-3">
      <h2 id="headline-title" className="sr-only">
        Headline figures
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4 print:grid-cols-2">
        <Figure
          title="At or above target level"
          value={percentOf(target.count, target.total)}
          detail={`${target.count} of ${target.total} reviewed services meet their tier's target`}
        />
        <Figure
          title="Share of go verdicts"
          value={`${percentFormat.format(verdicts.shares.find((share) => share.verdict === "GO")?.percent ?? 0)} %`}
          detail={`of ${verdicts.total} services, by their latest decision`}
        >
          <ul className="mt-2 space-y-1 text-sm" aria-label="Share of services by current verdict">
            {verdicts.shares.map((share) => (
              <li key={share.verdict} className="flex items-center justify-between gap-2">
                {share.verdict === "NONE" ? <Badge>Not reviewed</Badge> : <VerdictBadge verdict={share.verdict} />}
                <span className="text-ink tabular-nums">
                  {share.count} · {percentFormat.format(share.percent)} %
                </span>
              </li>
            ))}
          </ul>
        </Figure>
        <Figure
          title="Reviews overdue"
          value={`${overdue.count}`}
          detail={`${percentOf(overdue.count, overdue.total)} of ${overdue.total} active services have no decided review in the last 90 days`}
        />
        <Figure
          title="Waivers expiring in 30 days"
          value={`${expiringWaivers.count}`}
          detail={`on ${expiringWaivers.services} ${expiringWaivers.services === 1 ? "service" : "services"}, ${formatDate(expiringWaivers.from)} – ${formatDate(expiringWaivers.until)}`}
        />
      </div>
    </section>
  );
}
