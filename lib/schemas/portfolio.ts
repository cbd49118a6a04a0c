import { z } from "zod";
import { addQuarters, compareQuarters, currentQuarter, lastQuarters, parseQuarter } from "@/lib/domain/quarters";
import type { Tier } from "@/lib/domain/types";
import { firstValue, teamSlugParam, tierParam } from "@/lib/schemas/preprocess";

// The portfolio URL (?team=&tier=&from=&to=), shared by the page, its filter form and the CSV export.
// A leader pastes these links into decks and chats, so a stale or mistyped value falls back to a default
// instead of failing the page.

/** Quarters in the "level distribution" and "verdicts over time" charts, the current one included. */
export const PORTFOLIO_QUARTERS = 8;

const quarter = z.preprocess(
  firstValue,
  z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => parseQuarter(value) !== null)
    .optional()
    .catch(undefined),
);

export const portfolioSearchParams = z.object({
  /** A team slug: readable in a shared link. */
  team: teamSlugParam,
  tier: tierParam,
  from: quarter,
  to: quarter,
});

export type PortfolioSearchParams = z.output<typeof portfolioSearchParams>;

/** What the page and the export compute from: every value present and consistent. */
export type PortfolioQuery = {
  team: string;
  tier: Tier | undefined;
  /** Movement matrix: levels at the end of `from` against the end of `to`; from < to <= current quarter. */
  from: string;
  to: string;
  /** The chart window, oldest first, ending with the current quarter. */
  quarters: string[];
  current: string;
};

/**
 * Defaults and clamps for the movement pair: `to` defaults to (and never passes) the current quarter, because a
 * future quarter has no facts yet; `from` defaults to the quarter before `to` and must come before it.
 */
export function resolvePortfolioQuery(params: PortfolioSearchParams, now: Date): PortfolioQuery {
  const current = currentQuarter(now);
  const to = params.to && compareQuarters(params.to, current) <= 0 ? params.to : current;
  const from = params.from && compareQuarters(params.from, to) < 0 ? params.from : addQuarters(to, -1);
  return { team: params.team, tier: params.tier, from, to, quarters: lastQuarters(current, PORTFOLIO_QUARTERS), current };
}

/** Query string for the current filters ("" when all are defaults), e.g. for the CSV link. */
export function portfolioQueryString(query: Pick<PortfolioQuery, "team" | "tier" | "from" | "to" | "current">): string {
  const search = new URLSearchParams();
  if (query.team) search.set("team", query.team);
  if (query.tier !== undefined) search.set("tier", String(query.tier));
  const defaultTo = query.to === query.current;
  if (!defaultTo) search.set("to", query.to);
  if (!defaultTo || query.from !== addQuarters(query.to, -1)) search.set("from", query.from);
  return search.toString();
}

/** The quarters a person may pick for the movement matrix: the last three years, newest first. */
export function movementQuarterOptions(current: string): string[] {
  return lastQuarters(current, 12).reverse();
}
