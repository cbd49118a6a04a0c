import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db/client";
import { exportServicesTable, queryServicesTable } from "@/lib/db/services-table";
import { installDefaultTemplate } from "@/lib/db/templates";
import { DEFAULT_STATE, parseServicesTableState, type ServicesTableState } from "@/lib/schemas/services-table";
import { MS_PER_DAY } from "@/lib/domain/days";

// The database may hold other services (and other tests' rows), so every assertion is narrowed to this file's
// own services: their names start with a random prefix, and the prefix is the search text.
// Summary columns are written directly with SQL, the way the deciding transaction leaves them.

const p = `st${randomUUID().slice(0, 8)}`;
const pagingPrefix = `${p}pg`;
const NOW = new Date("2031-03-15T12:00:00.000Z");
const TODAY = "2031-03-15";
const DAY = MS_PER_DAY;
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo);

const teamIds: string[] = [];
const ids: Record<string, string> = {};

type Seed = {
  key: string;
  team: "alpha" | "beta";
  tier: number;
  level: number | null;
  verdict: string | null;
  decided: Date | null;
  blockers: number;
};

// Default targets: tier 1 → L3, tier 2 → L2, tier 3 → L1.
const SEEDS: Seed[] = [
  { key: "a", team: "alpha", tier: 1, level: 3, verdict: "GO", decided: at(10 * DAY), blockers: 0 },
  // Exactly 90 × 24 h ago: still covered, not overdue.
  { key: "b", team: "alpha", tier: 1, level: 2, verdict: "CONDITIONAL_GO", decided: at(90 * DAY), blockers: 2 },
  // One millisecond past the 90 days: overdue.
  { key: "c", team: "alpha", tier: 2, level: 4, verdict: "GO", decided: at(90 * DAY + 1), blockers: 0 },
  { key: "d", team: "beta", tier: 2, level: 0, verdict: "NO_GO", decided: at(200 * DAY), blockers: 3 },
  { key: "e", team: "beta", tier: 3, level: null, verdict: null, decided: null, blockers: 0 },
  { key: "f", team: "beta", tier: 3, level: 1, verdict: "GO", decided: at(DAY), blockers: 1 },
];

/** F's name holds LIKE wildcards, to prove a search for them is literal. */
const nameOf = (key: string) => (key === "f" ? `${p} f 100%_done` : `${p} ${key} service`);

async function makeTeam(slug: string, name: string) {
  const team = await db().team.create({ data: { slug, name }, select: { id: true } });
  teamIds.push(team.id);
  return team.id;
}

beforeAll(async () => {
  const alpha = await makeTeam(`${p}-alpha`, `Alpha ${p}`);
  const beta = await makeTeam(`${p}-beta`, `Beta ${p}`);
  for (const seed of SEEDS) {
    const rows = await db().$queryRaw<{ id: string }[]>`
      INSERT INTO services (slug, name, team_id, tier, current_level, current_verdict, last_decided_at, open_blockers)
      VALUES (${`${p}-${seed.key}`}, ${nameOf(seed.key)}, ${seed.team === "alpha" ? alpha : beta}::uuid, ${seed.tier}::int,
              ${seed.level}::int, ${seed.verdict}::"Verdict", ${seed.decided}::timestamptz, ${seed.blockers}::int)
      RETURNING id::text`;
    ids[seed.key] = rows[0]!.id;
  }

  // Service A: an older decided review and its latest one, which the service points at.
  const { id: templateId } = await installDefaultTemplate();
  const [item] = await db().$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM checklist_items WHERE template_id = ${templateId}::uuid LIMIT 1`;
  const review = async (decidedAt: Date) =>
    (
      await db().$queryRaw<{ id: string }[]>`
        INSERT INTO reviews (service_id, template_id, trigger, status, decided_at)
        VALUES (${ids.a}::uuid, ${templateId}::uuid, 'QUARTERLY', 'DECIDED', ${decidedAt}::timestamptz) RETURNING id::text`
    )[0]!.id;
  const older = await review(at(100 * DAY));
  const latest = await review(at(10 * DAY));
  await db().$executeRaw`UPDATE services SET last_review_id = ${latest}::uuid WHERE id = ${ids.a}::uuid`;
  const waiver = (reviewId: string, status: string, expiresOn: string) => db().$executeRaw`
    INSERT INTO waivers (review_id, item_id, reason, compensating_control, risk_owner, expires_on, status)
    VALUES (${reviewId}::uuid, ${item!.id}::uuid, 'r', 'c', 'o', ${expiresOn}::date, ${status}::"WaiverStatus")`;
  await waiver(latest, "APPROVED", TODAY); // counts: expires today
  await waiver(latest, "APPROVED", "2031-04-30"); // counts
  await waiver(latest, "APPROVED", "2031-03-14"); // expired yesterday
  await waiver(latest, "PENDING", "2031-04-30");
  await waiver(latest, "REJECTED", "2031-04-30");
  await waiver(latest, "REVOKED", "2031-04-30");
  await waiver(older, "APPROVED", "2031-04-30"); // not on the latest decided review

  const paging = await makeTeam(`${pagingPrefix}-team`, `Paging ${p}`);
  await db().$executeRaw`
    INSERT INTO services (slug, name, team_id, tier)
    SELECT ${pagingPrefix} || '-' || n, ${pagingPrefix} || ' svc ' || lpad(n::text, 2, '0'), ${paging}::uuid, 3
    FROM generate_series(1, 23) AS n`;
});

afterAll(async () => {
  await db().service.deleteMany({ where: { teamId: { in: teamIds } } });
  await db().team.deleteMany({ where: { id: { in: teamIds } } });
  await closeDb();
});

const view = (patch: Partial<ServicesTableState> = {}): ServicesTableState => ({ ...DEFAULT_STATE, q: p, size: 100, ...patch });

/** The keys of this file's services ("a".."f"), in the order the table returned them. */
async function keysOf(patch: Partial<ServicesTableState>): Promise<string[]> {
  const { rows } = await queryServicesTable(view(patch), { now: NOW });
  const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
  return rows.filter((r) => !r.name.startsWith(pagingPrefix)).map((r) => byId[r.id] ?? r.name);
}

describe("queryServicesTable", () => {
  it("returns DTOs built from the summary columns, with the tier's target and the next review due", async () => {
    const { rows } = await queryServicesTable(view({ q: `${p}-a` }), { now: NOW });
    expect(rows).toEqual([
      {
        id: ids.a,
        slug: `${p}-a`,
        name: nameOf("a"),
        team: { slug: `${p}-alpha`, name: `Alpha ${p}` },
        tier: 1,
        lifecycle: "DEVELOPMENT",
        updatedAt: expect.any(Date),
        level: 3,
        targetLevel: 3,
        vsTarget: "met",
        verdict: "GO",
        lastDecidedAt: at(10 * DAY),
        nextReviewDue: new Date(at(10 * DAY).getTime() + 90 * DAY),
        isOverdue: false,
        openBlockers: 0,
        activeWaivers: 2,
      },
    ]);
    const [never] = (await queryServicesTable(view({ q: `${p}-e` }), { now: NOW })).rows;
    expect(never).toMatchObject({ level: null, targetLevel: 1, vsTarget: "below", verdict: null, nextReviewDue: null, isOverdue: true });
    const [above] = (await queryServicesTable(view({ q: `${p}-c` }), { now: NOW })).rows;
    expect(above).toMatchObject({ level: 4, targetLevel: 2, vsTarget: "above" });
  });

  it("counts only approved, unexpired waivers on the latest decided review, and none where there is no review", async () => {
    const { rows } = await queryServicesTable(view(), { now: NOW });
    expect(Object.fromEntries(rows.map((r) => [r.slug, r.activeWaivers]))).toMatchObject({ [`${p}-a`]: 2, [`${p}-b`]: 0, [`${p}-e`]: 0 });
    // The day after the first one expires, one is left.
    const tomorrow = await queryServicesTable(view({ q: `${p}-a` }), { now: NOW, today: "2031-03-16" });
    expect(tomorrow.rows[0]?.activeWaivers).toBe(1);
  });

  it.each<[string, Partial<ServicesTableState>, string[]]>([
    ["no filter", {}, ["a", "b", "c", "d", "e", "f"]],
    ["one team", { teams: [`${p}-alpha`] }, ["a", "b", "c"]],
    ["several teams", { teams: [`${p}-beta`, `${p}-alpha`] }, ["a", "b", "c", "d", "e", "f"]],
    ["an unknown team", { teams: [`${p}-nobody`] }, []],
    ["tier", { tier: 2 }, ["c", "d"]],
    ["level 0", { level: 0 }, ["d"]],
    ["level 3", { level: 3 }, ["a"]],
    ["no level", { level: "none" }, ["e"]],
    ["verdict", { verdict: "GO" }, ["a", "c", "f"]],
    ["no-go", { verdict: "NO_GO" }, ["d"]],
    ["no verdict", { verdict: "none" }, ["e"]],
    ["below target (never decided counts as below)", { target: "below" }, ["b", "d", "e"]],
    ["target met or passed", { target: "met" }, ["a", "c", "f"]],
    ["overdue: more than 90 days or never decided", { overdue: true }, ["c", "d", "e"]],
    ["filters combine", { overdue: true, tier: 2, target: "below" }, ["d"]],
    ["search by slug", { q: `${p}-c` }, ["c"]],
    ["search is case-insensitive", { q: `${p.toUpperCase()} B SERVICE` }, ["b"]],
  ])("filters: %s", async (_label, patch, expected) => {
    expect(await keysOf(patch)).toEqual(expected);
  });

  it("searches for LIKE wildcards literally", async () => {
    const mine = { teams: [`${p}-alpha`, `${p}-beta`] };
    expect(await keysOf({ ...mine, q: "_" })).toEqual(["f"]);
    expect(await keysOf({ ...mine, q: "%" })).toEqual(["f"]);
    expect(await keysOf({ ...mine, q: "0%_d" })).toEqual(["f"]);
  });

  it.each<[ServicesTableState["sort"], string[]]>([
    ["name", ["a", "b", "c", "d", "e", "f"]],
    ["team", ["a", "b", "c", "d", "e", "f"]],
    ["tier", ["a", "b", "c", "d", "e", "f"]],
    // By the gap to the target (none first), then by level: E none, D −2, B −1, F 0 (L1), A 0 (L3), C +2.
    ["level", ["e", "d", "b", "f", "a", "c"]],
    // Not decided, no-go, conditional go, go.
    ["verdict", ["e", "d", "b", "a", "c", "f"]],
    ["lastDecided", ["e", "d", "c", "b", "a", "f"]],
    ["nextDue", ["e", "d", "c", "b", "a", "f"]],
    ["blockers", ["a", "c", "e", "f", "b", "d"]],
  ])("sorts by %s both ways, ties broken by name", async (sort, ascending) => {
    expect(await keysOf({ sort, dir: "asc" })).toEqual(ascending);
    const descending = await keysOf({ sort, dir: "desc" });
    const expected: Record<typeof sort, string[]> = {
      name: ["f", "e", "d", "c", "b", "a"],
      team: ["d", "e", "f", "a", "b", "c"],
      tier: ["e", "f", "c", "d", "a", "b"],
      level: ["c", "a", "f", "b", "d", "e"],
      verdict: ["a", "c", "f", "b", "d", "e"],
      lastDecided: ["f", "a", "b", "c", "d", "e"],
      nextDue: ["f", "a", "b", "c", "d", "e"],
      blockers: ["d", "b", "f", "a", "c", "e"],
    };
    expect(descending).toEqual(expected[sort]);
  });

  it("pages without overlap or gaps, and reports the total past the last page", async () => {
    const state = { ...DEFAULT_STATE, q: pagingPrefix, size: 10 as const };
    const pages = await Promise.all([1, 2, 3].map((page) => queryServicesTable({ ...state, page }, { now: NOW })));
    expect(pages.map((pg) => pg.rows.length)).toEqual([10, 10, 3]);
    expect(pages.every((pg) => pg.total === 23 && pg.pageCount === 3)).toBe(true);
    const names = pages.flatMap((pg) => pg.rows.map((r) => r.name));
    expect(names).toEqual(Array.from({ length: 23 }, (_, i) => `${pagingPrefix} svc ${String(i + 1).padStart(2, "0")}`));
    const beyond = await queryServicesTable({ ...state, page: 4 }, { now: NOW });
    expect(beyond).toMatchObject({ rows: [], total: 23, page: 4, pageCount: 3 });
    const desc = await queryServicesTable({ ...state, dir: "desc", page: 3 }, { now: NOW });
    expect(desc.rows.map((r) => r.name)).toEqual([`${pagingPrefix} svc 03`, `${pagingPrefix} svc 02`, `${pagingPrefix} svc 01`]);
  });

  it("reports an empty result as one empty page", async () => {
    expect(await queryServicesTable(view({ q: `${p}-nothing-like-this` }), { now: NOW })).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });

  it("runs the state parsed from a shared URL", async () => {
    const state = parseServicesTableState(new URLSearchParams(`q=${p}&team=${p}-alpha,${p}-beta&overdue=1&sort=level&dir=desc&tier=9`));
    const { rows } = await queryServicesTable(state, { now: NOW });
    expect(rows.map((r) => r.slug)).toEqual([`${p}-c`, `${p}-d`, `${p}-e`]);
  });
});

describe("exportServicesTable", () => {
  it("returns every row of the view in the view's order, ignoring page and page size", async () => {
    const result = await exportServicesTable({ ...DEFAULT_STATE, q: pagingPrefix, size: 10, page: 2, dir: "desc" }, { now: NOW });
    expect(result.total).toBe(23);
    expect(result.isTruncated).toBe(false);
    expect(result.rows).toHaveLength(23);
    expect(result.rows[0]?.name).toBe(`${pagingPrefix} svc 23`);
    const filtered = await exportServicesTable(view({ target: "below", sort: "level", teams: [`${p}-alpha`, `${p}-beta`] }), {
      now: NOW,
    });
    expect(filtered.rows.map((r) => r.slug)).toEqual([`${p}-e`, `${p}-d`, `${p}-b`]);
    expect(filtered.rows.find((r) => r.slug === `${p}-b`)).toMatchObject({ vsTarget: "below", isOverdue: false });
  });
});
