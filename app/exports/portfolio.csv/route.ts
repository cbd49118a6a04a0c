import { VERDICT_WORDS } from "@/lib/domain/words";
import { apiRoute } from "@/lib/api/handler";
import {
  getLevelHistory,
  getLevelsByTeam,
  getPortfolioHeadline,
  getVerdictsOverTime,
  type LevelCounts,
  type LevelHistory,
  type PortfolioHeadline,
  type QuarterVerdicts,
  type TeamLevels,
} from "@/lib/db/portfolio";
import { listTeams } from "@/lib/db/teams";
import { toCsv, type CsvCell } from "@/lib/domain/csv";
import { bucketLabel } from "@/lib/domain/movement-matrix";
import { largestRemainderPercents, type VerdictKey } from "@/lib/domain/portfolio";
import { LEVEL_NAMES, type AchievedLevel } from "@/lib/domain/types";
import { portfolioSearchParams, resolvePortfolioQuery, type PortfolioQuery } from "@/lib/schemas/portfolio";
import { isoDay } from "@/lib/domain/days";

// The portfolio page's figures as rows of (section, label, value), for the same URL filters. Authenticated like
// the API (session cookie or personal API token), so a monthly report script can pull it too.

type Row = [section: string, label: string, value: CsvCell];

const HEADERS = ["section", "label", "value"] as const;
const LEVELS: readonly AchievedLevel[] = [0, 1, 2, 3, 4];
const VERDICT_SHARE_WORDS: Record<VerdictKey, string> = { ...VERDICT_WORDS, NONE: "Not reviewed" };

/** One decimal, rounded like the page's cards; empty when there is nothing to divide. */
function percent(count: number, total: number): number | null {
  return total === 0 ? null : (largestRemainderPercents([count, total - count], 1)[0] ?? 0);
}

function levelRows(section: string, counts: LevelCounts): Row[] {
  return [
    ...LEVELS.map((level): Row => [section, `L${level} ${LEVEL_NAMES[level]}`, counts.levels[level]]),
    [section, "Not reviewed", counts.notReviewed],
    [section, "Total", counts.total],
  ];
}

function headlineRows(h: PortfolioHeadline): Row[] {
  const section = "Headline figures";
  const waivers = `${h.expiringWaivers.from} to ${h.expiringWaivers.until}`;
  return [
    [section, "Services in scope", h.services],
    [section, "Services with a decided review", h.target.total],
    [section, "At or above target level", h.target.count],
    [section, "At or above target level (%)", percent(h.target.count, h.target.total)],
    [section, "Active services (not retired)", h.overdue.total],
    [section, "Reviews overdue (no decision in 90 days)", h.overdue.count],
    [section, "Reviews overdue (%)", percent(h.overdue.count, h.overdue.total)],
    [section, `Waivers expiring ${waivers}`, h.expiringWaivers.count],
    [section, `Services with a waiver expiring ${waivers}`, h.expiringWaivers.services],
    ...h.verdicts.shares.flatMap((share): Row[] => [
      ["Verdict share", VERDICT_SHARE_WORDS[share.verdict], share.count],
      ["Verdict share", `${VERDICT_SHARE_WORDS[share.verdict]} (%)`, share.percent],
    ]),
  ];
}

function historyRows(history: LevelHistory, verdicts: QuarterVerdicts[], teams: TeamLevels[]): Row[] {
  const { from, to, matrix } = history.movement;
  const movement = `Level movement ${from} to ${to}`;
  return [
    ...history.quarters.flatMap((q) => levelRows(`Level distribution, end of ${q.quarter}`, q)),
    ...verdicts.flatMap((q): Row[] => [
      [`Verdicts decided in ${q.quarter}`, "Go", q.counts.GO],
      [`Verdicts decided in ${q.quarter}`, "Conditional go", q.counts.CONDITIONAL_GO],
      [`Verdicts decided in ${q.quarter}`, "No-go", q.counts.NO_GO],
    ]),
    ...teams.flatMap((t) => levelRows(`Current level, team ${t.team.name}`, t)),
    ...matrix.buckets.flatMap((fromLevel, row) =>
      matrix.buckets.flatMap((toLevel, column): Row[] => {
        const count = matrix.cells[row]?.[column] ?? 0;
        return count > 0 ? [[movement, `${bucketLabel(fromLevel)} → ${bucketLabel(toLevel)}`, count]] : [];
      }),
    ),
    [movement, "Services compared", matrix.total],
  ];
}

function scopeRows(query: PortfolioQuery, teamName: string | undefined, asOf: string): Row[] {
  return [
    ["Scope", "Team", teamName ?? "All teams"],
    ["Scope", "Tier", query.tier === undefined ? "All tiers" : `Tier ${query.tier}`],
    ["Scope", "As of (UTC)", asOf],
  ];
}

export const GET = apiRoute(async (request) => {
  const params = portfolioSearchParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  const teams = await listTeams();
  const team = teams.find((t) => t.slug === params.team);
  const query = resolvePortfolioQuery({ ...params, team: team ? params.team : "" }, now);
  const filter = { teamId: team?.id, tier: query.tier };
  const [headline, history, verdicts, byTeam] = await Promise.all([
    getPortfolioHeadline(filter, now),
    getLevelHistory(filter, query),
    getVerdictsOverTime(filter, query.quarters),
    getLevelsByTeam(filter),
  ]);
  const today = isoDay(now);
  const rows = [...scopeRows(query, team?.name, today), ...headlineRows(headline), ...historyRows(history, verdicts, byTeam)];
  // The byte order mark makes Excel read the file as UTF-8, so team names like "Zürich" survive.
  const body = `\uFEFF${toCsv(HEADERS, rows)}`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="portfolio-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
