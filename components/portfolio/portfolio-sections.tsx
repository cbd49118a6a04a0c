import type { LevelHistory, PortfolioHeadline, QuarterVerdicts, TeamLevels } from "@/lib/db/portfolio";
import { ChartCard } from "./chart-card";
import { largestSeries, LEVEL_SERIES, levelRow, rowTotal, VERDICT_SERIES, verdictRow } from "./chart-series";
import { HeadlineFigures } from "./headline-figures";
import { MovementMatrixCard } from "./movement-matrix";

// One async component per widget: each awaits only its own query, so every <Suspense> on the page streams in
// as soon as its figures are ready.

const EMPTY = "No services match these filters";

export async function HeadlineSection({ data }: { data: Promise<PortfolioHeadline> }) {
  return <HeadlineFigures headline={await data} />;
}

/** The current quarter has not ended: its bar is the portfolio as it stands today. */
export function quarterLabel(quarter: string, current: string): string {
  return quarter === current ? `${quarter} (to date)` : quarter;
}

export async function LevelDistributionSection({ data, current }: { data: Promise<LevelHistory>; current: string }) {
  const { quarters } = await data;
  const rows = quarters.map((q) => levelRow(quarterLabel(q.quarter, current), q, q.quarter));
  const first = rows[0];
  const last = rows.at(-1);
  const span = `${quarters[0]?.quarter ?? ""} to ${quarters.at(-1)?.quarter ?? ""}`;
  const summary =
    first && last
      ? `Stacked bar chart of services by maturity level at the end of each quarter, ${span}. ` +
        `Latest: ${largestSeries(last, LEVEL_SERIES)}; not reviewed went from ${first.none} to ${last.none}.`
      : "No quarters to show.";
  return (
    <ChartCard
      id="level-distribution"
      title="Level distribution per quarter"
      description={`Each service's level at the end of the quarter, from its latest review decided by then; ${current} is the portfolio as it stands today.`}
      rows={rows}
      series={LEVEL_SERIES}
      summary={summary}
      rowHeader="Quarter"
      caption={`Services by maturity level at the end of each quarter, ${span}`}
      emptyMessage={EMPTY}
    />
  );
}

export async function VerdictsSection({ data, current }: { data: Promise<QuarterVerdicts[]>; current: string }) {
  const quarters = await data;
  const rows = quarters.map((q) => verdictRow(quarterLabel(q.quarter, current), q.counts, q.quarter));
  const span = `${quarters[0]?.quarter ?? ""} to ${quarters.at(-1)?.quarter ?? ""}`;
  const totals = VERDICT_SERIES.map((s) => `${rows.reduce((sum, row) => sum + Number(row[s.key] ?? 0), 0)} ${s.label.toLowerCase()}`);
  const all = rows.reduce((sum, row) => sum + rowTotal(row, VERDICT_SERIES), 0);
  return (
    <ChartCard
      id="verdicts-over-time"
      title="Verdicts over time"
      description={`Decisions recorded in each quarter, by the approver's verdict; ${current} so far.`}
      rows={rows}
      series={VERDICT_SERIES}
      summary={`Stacked bar chart of decisions per quarter by verdict, ${span}: ${all} decisions in all — ${totals.join(", ")}.`}
      rowHeader="Quarter"
      caption={`Decisions per quarter by verdict, ${span}`}
      emptyMessage="No decisions in these quarters"
    />
  );
}

export async function TeamsSection({ data }: { data: Promise<TeamLevels[]> }) {
  const teams = await data;
  const rows = teams.map((t) => levelRow(t.team.name, t));
  const overall = levelRow("All teams", {
    levels: sumLevels(teams),
    notReviewed: teams.reduce((sum, t) => sum + t.notReviewed, 0),
    total: teams.reduce((sum, t) => sum + t.total, 0),
  });
  return (
    <ChartCard
      id="levels-by-team"
      title="Current level by team"
      description="Each team's services by the level of their latest decided review."
      rows={rows}
      series={LEVEL_SERIES}
      summary={`Stacked bar chart of the current level of each team's services, ${teams.length} ${teams.length === 1 ? "team" : "teams"}. Across them: ${largestSeries(overall, LEVEL_SERIES)}.`}
      rowHeader="Team"
      caption="Services by current maturity level, per team"
      layout="vertical"
      height={Math.max(160, 48 + rows.length * 28)}
      emptyMessage={EMPTY}
    />
  );
}

function sumLevels(teams: readonly TeamLevels[]): TeamLevels["levels"] {
  const sum = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const t of teams) for (const level of [0, 1, 2, 3, 4] as const) sum[level] += t.levels[level];
  return sum;
}

export async function MovementSection({ data }: { data: Promise<LevelHistory> }) {
  const { movement } = await data;
  return <MovementMatrixCard movement={movement} />;
}
