import { z } from "zod";
import { TIERS, VERDICTS, type AchievedLevel, type Tier, type Verdict } from "@/lib/domain/types";
import { firstValue } from "@/lib/schemas/preprocess";

// The services table's whole view — filters, sort and page — lives in the URL so a view can be shared,
// bookmarked and reloaded. Parsing is tolerant: a hand-edited or outdated link falls back to defaults
// field by field instead of failing the page. The same state drives the page, its links and the CSV export.

export const SORT_KEYS = ["name", "team", "tier", "level", "verdict", "lastDecided", "nextDue", "blockers"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

export const LEVEL_FILTERS = ["0", "1", "2", "3", "4", "none"] as const;
export type LevelFilter = AchievedLevel | "none";
export const VERDICT_FILTERS = [...VERDICTS, "none"] as const;
export type VerdictFilter = Verdict | "none";
export const TARGET_FILTERS = ["below", "met"] as const;
export type TargetFilter = (typeof TARGET_FILTERS)[number];

export type ServicesTableState = {
  q: string;
  teams: string[];
  tier: Tier | null;
  level: LevelFilter | null;
  verdict: VerdictFilter | null;
  target: TargetFilter | null;
  overdue: boolean;
  sort: SortKey;
  dir: SortDirection;
  page: number;
  size: PageSize;
};

export const DEFAULT_STATE: ServicesTableState = {
  q: "",
  teams: [],
  tier: null,
  level: null,
  verdict: null,
  target: null,
  overdue: false,
  sort: "name",
  dir: "asc",
  page: 1,
  size: DEFAULT_PAGE_SIZE,
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

const MAX_QUERY_LENGTH = 100;
const MAX_TEAMS = 50;
/** Far beyond any real portfolio; keeps OFFSET from being used to make the database count to infinity. */
const MAX_PAGE = 100_000;
const TEAM_SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;

/** Repeated params (?team=a&team=b) and comma lists (?team=a,b) both select several teams. */
function teamSlugs(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  const slugs = values
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => TEAM_SLUG.test(v));
  return [...new Set(slugs)].slice(0, MAX_TEAMS);
}

const schema = z.object({
  q: z
    .preprocess(
      firstValue,
      z.string().transform((s) => s.trim().slice(0, MAX_QUERY_LENGTH)),
    )
    .catch(""),
  team: z.preprocess(teamSlugs, z.array(z.string())).catch([]),
  tier: z
    .preprocess(firstValue, z.coerce.number<unknown>().pipe(z.literal(TIERS)))
    .nullable()
    .catch(null),
  level: z
    .preprocess(firstValue, z.enum(LEVEL_FILTERS))
    .transform((v): LevelFilter => (v === "none" ? "none" : (Number(v) as AchievedLevel)))
    .nullable()
    .catch(null),
  verdict: z.preprocess(firstValue, z.enum(VERDICT_FILTERS)).nullable().catch(null),
  target: z.preprocess(firstValue, z.enum(TARGET_FILTERS)).nullable().catch(null),
  // Only "1" turns the filter on: an unchecked checkbox sends nothing, and anything else is noise.
  overdue: z
    .preprocess(firstValue, z.literal("1"))
    .transform(() => true)
    .catch(false),
  sort: z.preprocess(firstValue, z.enum(SORT_KEYS)).catch(DEFAULT_STATE.sort),
  dir: z.preprocess(firstValue, z.enum(["asc", "desc"])).catch(DEFAULT_STATE.dir),
  page: z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(MAX_PAGE)).catch(1),
  size: z.preprocess(firstValue, z.coerce.number<unknown>().pipe(z.literal(PAGE_SIZES))).catch(DEFAULT_PAGE_SIZE),
});

function toRecord(params: URLSearchParams): RawSearchParams {
  const record: Record<string, string[]> = {};
  params.forEach((value, key) => {
    (record[key] ??= []).push(value);
  });
  return record;
}

/** Never throws: every unusable value becomes that field's default. */
export function parseServicesTableState(input: RawSearchParams | URLSearchParams): ServicesTableState {
  const { team, ...rest } = schema.parse(input instanceof URLSearchParams ? toRecord(input) : input);
  return { ...rest, teams: team };
}

/** Filters narrow the set of services; sort, page and page size only arrange it. */
export function isFiltered(state: ServicesTableState): boolean {
  return (
    state.q !== "" ||
    state.teams.length > 0 ||
    state.tier !== null ||
    state.level !== null ||
    state.verdict !== null ||
    state.target !== null ||
    state.overdue
  );
}

/** Only values that differ from the defaults are written, so links stay short and a default view is "/services". */
export function toServicesTableQuery(state: ServicesTableState, options: { arrangement?: boolean } = {}): URLSearchParams {
  const query = new URLSearchParams();
  if (state.q) query.set("q", state.q);
  for (const team of state.teams) query.append("team", team);
  if (state.tier !== null) query.set("tier", String(state.tier));
  if (state.level !== null) query.set("level", String(state.level));
  if (state.verdict !== null) query.set("verdict", state.verdict);
  if (state.target !== null) query.set("target", state.target);
  if (state.overdue) query.set("overdue", "1");
  if (state.sort !== DEFAULT_STATE.sort) query.set("sort", state.sort);
  if (state.dir !== DEFAULT_STATE.dir) query.set("dir", state.dir);
  if (options.arrangement !== false) {
    if (state.page !== 1) query.set("page", String(state.page));
    if (state.size !== DEFAULT_PAGE_SIZE) query.set("size", String(state.size));
  }
  return query;
}

export const SERVICES_PATH = "/services";
export const SERVICES_EXPORT_PATH = "/exports/services.csv";

function withQuery(path: string, query: URLSearchParams): string {
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The table's URL with some of the state changed. */
export function servicesTableHref(state: ServicesTableState, patch: Partial<ServicesTableState> = {}): string {
  return withQuery(SERVICES_PATH, toServicesTableQuery({ ...state, ...patch }));
}

/** Sorting a column starts ascending; sorting the sorted column again flips it. A new order starts at page 1. */
export function sortHref(state: ServicesTableState, sort: SortKey): string {
  const dir: SortDirection = state.sort === sort && state.dir === "asc" ? "desc" : "asc";
  return servicesTableHref(state, { sort, dir, page: 1 });
}

/** Clears the filters but keeps how the person arranged the table. */
export function clearFiltersHref(state: ServicesTableState): string {
  return servicesTableHref({ ...DEFAULT_STATE, sort: state.sort, dir: state.dir, size: state.size });
}

/** The export is the whole view (every page), so page and page size are left out. */
export function servicesExportHref(state: ServicesTableState): string {
  return withQuery(SERVICES_EXPORT_PATH, toServicesTableQuery(state, { arrangement: false }));
}
