// "The floor" for `npm run bench`: the SQL each measured page runs, straight against Postgres. A page
// can never be faster than its queries, so the bench reports page time next to this, and the ratio
// shows what rendering, auth and the ORM add. The statements come from the same builders the pages run
// (lib/db/portfolio.ts, services-table.ts, services.ts, service-history.ts, tier-targets.ts, users.ts, teams.ts), so they cannot drift from them;
// only the grouping into steps below mirrors how each page starts its queries.

import { headlineSql, levelHistorySql, levelsByTeamSql, verdictsSql } from "@/lib/db/portfolio";
import { serviceHistorySql } from "@/lib/db/service-history";
import { serviceBySlugSql } from "@/lib/db/services";
import { servicesTableSql } from "@/lib/db/services-table";
import { TIER_TARGETS_SQL } from "@/lib/db/tier-targets";
import { teamsSql } from "@/lib/db/teams";
import { sessionUserSql } from "@/lib/db/users";
import { isoDay } from "@/lib/domain/days";
import { pageOffset } from "@/lib/domain/pagination";
import { defaultTierTargets, type TierTargets } from "@/lib/domain/targets";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_STATE } from "@/lib/schemas/services-table";
import { resolvePortfolioQuery } from "@/lib/schemas/portfolio";

export type FloorQuery = { name: string; text: string; values?: readonly unknown[] };
/**
 * One page: its path on the server and its queries as steps. Steps run one after another; the queries
 * of one step run at the same time on separate connections, as the page starts them together
 * (Promise.all), so the floor is the page's own critical path and not the sum of everything.
 */
export type FloorSet = { key: "portfolio" | "services" | "service"; label: string; path: string; steps: FloorQuery[][] };

export type FloorOptions = {
  /** The signed-in user: every page looks them up with their teams. */
  viewerId: string;
  /** Their teams, which the services table lists for "new service". */
  viewerTeamIds: readonly string[];
  /** The service whose page is measured. */
  serviceSlug: string;
  serviceId: string;
  /** Services table page (1-based) and page size, sorted by level ascending. */
  servicesPage?: number;
  pageSize?: number;
  targets?: TierTargets;
  now?: Date;
};

/** A page's statement as pg runs it: Prisma's SQL text with $n placeholders and its bind values. */
function floorQuery(name: string, sql: Prisma.Sql): FloorQuery {
  return { name, text: sql.text, values: sql.values };
}

const settings = floorQuery("tier targets", TIER_TARGETS_SQL);
const teams = floorQuery("teams", teamsSql());
const viewer = (id: string) => floorQuery("viewer", sessionUserSql(id));

function portfolio(o: FloorOptions, t: TierTargets, now: Date): FloorQuery[][] {
  // The default view: every team and tier, the last 8 quarters, movement from the previous quarter to this one.
  const query = resolvePortfolioQuery({ team: "", tier: undefined, from: undefined, to: undefined }, now);
  const verdicts = verdictsSql({}, query.quarters);
  return [
    [viewer(o.viewerId)],
    [teams],
    [settings],
    [
      floorQuery("headline: services, at target, verdict shares, overdue, waivers expiring soon", headlineSql({}, t, now).sql),
      floorQuery("level distribution at the end of each of the last 8 quarters, and the movement matrix", levelHistorySql({}, query)),
      ...(verdicts ? [floorQuery("verdicts per quarter", verdicts)] : []),
      floorQuery("levels by team", levelsByTeamSql({})),
    ],
  ];
}

function servicesTable(o: FloorOptions, t: TierTargets, now: Date): FloorQuery[][] {
  const size = o.pageSize ?? 25;
  const page = o.servicesPage ?? 3;
  const state = { ...DEFAULT_STATE, sort: "level" as const, dir: "asc" as const, page };
  const statements = servicesTableSql({ state, targets: t, now, today: isoDay(now) }, size, pageOffset(page, size));
  return [
    [viewer(o.viewerId)],
    [teams, floorQuery("viewer's teams", teamsSql(o.viewerTeamIds))],
    [settings],
    [floorQuery("page of services by level, with active waivers", statements.rows), floorQuery("count", statements.count)],
  ];
}

function servicePage(o: FloorOptions): FloorQuery[][] {
  const history = serviceHistorySql(o.serviceId);
  return [
    [viewer(o.viewerId)],
    [floorQuery("service with team and its 10 latest reviews", serviceBySlugSql(o.serviceSlug))],
    [
      floorQuery("service summary", history.summary),
      floorQuery("decided history (up to 200)", history.decided),
      floorQuery("open review", history.open),
      settings,
    ],
  ];
}

export function benchFloorQueries(options: FloorOptions): FloorSet[] {
  const targets = options.targets ?? defaultTierTargets;
  const now = options.now ?? new Date();
  const page = options.servicesPage ?? 3;
  return [
    { key: "portfolio", label: "Portfolio", path: "/portfolio", steps: portfolio(options, targets, now) },
    {
      key: "services",
      label: `Services table (level ↑, page ${page})`,
      path: `/services?sort=level&dir=asc&page=${page}`,
      steps: servicesTable(options, targets, now),
    },
    { key: "service", label: "Service page", path: `/services/${encodeURIComponent(options.serviceSlug)}`, steps: servicePage(options) },
  ];
}
