import type { Metadata } from "next";
import { Suspense } from "react";
import { PortfolioFilters } from "@/components/portfolio/portfolio-filters";
import {
  HeadlineSection,
  LevelDistributionSection,
  MovementSection,
  TeamsSection,
  VerdictsSection,
} from "@/components/portfolio/portfolio-sections";
import { ChartSkeleton, HeadlineSkeleton } from "@/components/portfolio/portfolio-skeletons";
import { PrintButton } from "@/components/ui/print-button";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/session/viewer";
import { getLevelHistory, getLevelsByTeam, getPortfolioHeadline, getVerdictsOverTime } from "@/lib/db/portfolio";
import { listTeams } from "@/lib/db/teams";
import { portfolioQueryString, portfolioSearchParams, resolvePortfolioQuery } from "@/lib/schemas/portfolio";
import { TIER_WORDS } from "@/lib/domain/words";
import { formatDate } from "@/lib/format/dates";
import { portfolioExportHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Portfolio" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Paper is A4 for the leadership pack; the shell's print rules (globals.css) already drop navigation and controls.
const PRINT_PAGE = "@page { size: A4; margin: 12mm; }";

export default async function PortfolioPage({ searchParams }: PageProps) {
  const params = portfolioSearchParams.parse(await searchParams);
  const now = new Date();
  await requireViewer(`/portfolio?${portfolioQueryString(resolvePortfolioQuery(params, now))}`);
  const teams = await listTeams();
  // An unknown team slug (a renamed team in an old link) shows every team rather than nothing.
  const team = teams.find((t) => t.slug === params.team);
  const query = resolvePortfolioQuery({ ...params, team: team ? params.team : "" }, now);
  const filter = { teamId: team?.id, tier: query.tier };
  const search = portfolioQueryString(query);

  // Started together so the queries run in parallel, but awaited by separate widgets so each streams in on its
  // own; the level history feeds both the quarterly chart and the movement matrix from one statement.
  const headline = getPortfolioHeadline(filter, now);
  const history = getLevelHistory(filter, query);
  const verdicts = getVerdictsOverTime(filter, query.quarters);
  const byTeam = getLevelsByTeam(filter);

  const scope = [team ? team.name : "All teams", query.tier ? TIER_WORDS[query.tier] : "all tiers"].join(", ");
  return (
    <>
      <style>{PRINT_PAGE}</style>
      <PageHeader
        title="Portfolio"
        description={`Production readiness across the portfolio: ${scope}. Figures as of ${formatDate(now)}.`}
        actions={
          <>
            <PrintButton />
            <ButtonLink href={portfolioExportHref(search)} download variant="secondary">
              Download CSV
            </ButtonLink>
          </>
        }
      />
      <PortfolioFilters teams={teams} query={query} isFiltered={search !== ""} />
      <div className="space-y-6">
        <Suspense fallback={<HeadlineSkeleton />}>
          <HeadlineSection data={headline} />
        </Suspense>
        <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-1">
          <Suspense fallback={<ChartSkeleton label="Loading the level distribution…" />}>
            <LevelDistributionSection data={history} current={query.current} />
          </Suspense>
          <Suspense fallback={<ChartSkeleton label="Loading verdicts over time…" />}>
            <VerdictsSection data={verdicts} current={query.current} />
          </Suspense>
        </div>
        <Suspense fallback={<ChartSkeleton label="Loading levels by team…" />}>
          <TeamsSection data={byTeam} />
        </Suspense>
        <div className="print:break-before-page">
          <Suspense fallback={<ChartSkeleton label="Loading the level movement…" height={320} />}>
            <MovementSection data={history} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
