import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getLevelHistory, getLevelsByTeam, getPortfolioHeadline, getVerdictsOverTime } from "@/lib/db/portfolio";
import { loadTierTargets } from "@/lib/db/tier-targets";
import { createDecidedReview, createTeam, createWaiverRow, madeRowsForFile, templateItemForFile } from "@/lib/db/review-test-fixtures";
import { lastQuarters } from "@/lib/domain/quarters";
import type { LifecycleStage, Tier, Verdict } from "@/lib/domain/types";
import { MS_PER_DAY } from "@/lib/domain/days";

// The database is shared with other tests: every test makes its own team (random slug) and every query is
// filtered by that team, so other rows can never change the counts asserted here.

const made = madeRowsForFile();
const template = templateItemForFile();

async function makeTeam(): Promise<string> {
  return (await createTeam("portfolio", made)).id;
}

type ServiceOptions = { tier?: Tier; createdAt?: string; lifecycle?: LifecycleStage };

async function makeService(teamId: string, options: ServiceOptions = {}): Promise<string> {
  const slug = `pf-svc-${randomUUID().slice(0, 8)}`;
  const service = await db().service.create({
    data: {
      slug,
      name: `Service ${slug}`,
      teamId,
      tier: options.tier ?? 2,
      lifecycle: options.lifecycle ?? "PRODUCTION",
      createdAt: new Date(options.createdAt ?? "2020-01-01T00:00:00Z"),
    },
    select: { id: true },
  });
  return service.id;
}

/** A decided review with its summary, then the service's summary columns refreshed like the deciding transaction does. */
async function decide(serviceId: string, at: string, level: number, verdict: Verdict, decision: Verdict | null = verdict): Promise<string> {
  return createDecidedReview({
    serviceId,
    templateId: template.templateId,
    decidedAt: new Date(at),
    level,
    computedVerdict: verdict,
    decision,
    targetLevel: 2,
    naCount: 0,
    waivedCount: 0,
    unansweredCount: 0,
  });
}

async function waive(reviewId: string, expiresOn: string, status: "APPROVED" | "PENDING" = "APPROVED") {
  await createWaiverRow({ reviewId, itemId: template.itemId, expiresOn, status });
}

const window8 = (current: string, from: string, to: string) => ({ quarters: lastQuarters(current, 8), from, to });

describe("getLevelHistory: level as of each quarter end", () => {
  it("takes the latest review decided strictly before the quarter end", async () => {
    const teamId = await makeTeam();
    const a = await makeService(teamId, { createdAt: "2024-01-01T00:00:00Z" });
    await decide(a, "2025-01-10T09:00:00Z", 1, "NO_GO");
    await decide(a, "2025-03-31T23:59:59.999Z", 2, "CONDITIONAL_GO");
    // Decided at the very first instant of Q2: it belongs to Q2, not to the end of Q1.
    await decide(a, "2025-04-01T00:00:00Z", 3, "GO");
    // A later, lower level inside Q3 wins for Q3 because it is the latest, not the highest.
    await decide(a, "2025-08-01T00:00:00Z", 4, "GO");
    await decide(a, "2025-09-30T12:00:00Z", 1, "NO_GO");
    // Non-decided reviews never count, whatever level they carry.
    await db().review.create({
      data: { serviceId: a, templateId: template.templateId, trigger: "QUARTERLY", status: "SUBMITTED", level: 4 },
    });
    // Created in 2025-Q2 and never reviewed: "not reviewed" from the end of 2025-Q2 on, absent before.
    await makeService(teamId, { createdAt: "2025-06-01T00:00:00Z" });

    const history = await getLevelHistory({ teamId }, window8("2025-Q4", "2024-Q4", "2025-Q4"));
    const byQuarter = Object.fromEntries(history.quarters.map((q) => [q.quarter, q]));

    expect(history.quarters.map((q) => q.quarter)).toEqual(lastQuarters("2025-Q4", 8));
    expect(byQuarter["2024-Q4"]).toMatchObject({ notReviewed: 1, total: 1 });
    expect(byQuarter["2025-Q1"]).toMatchObject({ levels: { 0: 0, 1: 0, 2: 1, 3: 0, 4: 0 }, notReviewed: 0, total: 1 });
    expect(byQuarter["2025-Q2"]).toMatchObject({ levels: { 0: 0, 1: 0, 2: 0, 3: 1, 4: 0 }, notReviewed: 1, total: 2 });
    expect(byQuarter["2025-Q3"]).toMatchObject({ levels: { 0: 0, 1: 1, 2: 0, 3: 0, 4: 0 }, notReviewed: 1, total: 2 });
    expect(byQuarter["2025-Q4"]).toMatchObject({ levels: { 0: 0, 1: 1, 2: 0, 3: 0, 4: 0 }, notReviewed: 1, total: 2 });
    // Created before 2024 but first reviewed in 2025: counted, as not reviewed, from the start of the window.
    expect(byQuarter["2024-Q1"]).toMatchObject({ notReviewed: 1, total: 1 });
  });

  it("pairs each service's level at the end of `from` with the end of `to` in the movement matrix", async () => {
    const teamId = await makeTeam();
    const up = await makeService(teamId);
    await decide(up, "2025-05-01T00:00:00Z", 1, "GO");
    await decide(up, "2025-08-01T00:00:00Z", 2, "GO");
    const down = await makeService(teamId);
    await decide(down, "2025-05-01T00:00:00Z", 3, "GO");
    await decide(down, "2025-09-01T00:00:00Z", 2, "CONDITIONAL_GO");
    const newcomer = await makeService(teamId);
    await decide(newcomer, "2025-07-01T00:00:00Z", 1, "GO");
    const steady = await makeService(teamId);
    await decide(steady, "2025-01-01T00:00:00Z", 2, "GO");
    await decide(steady, "2025-08-15T00:00:00Z", 2, "GO");
    await makeService(teamId);
    // Decided after the end of `to`: must not leak into the pair.
    await decide(steady, "2025-10-01T00:00:00Z", 4, "GO");

    const { movement } = await getLevelHistory({ teamId }, window8("2025-Q4", "2025-Q2", "2025-Q3"));
    const { buckets, cells, summary, total } = movement.matrix;
    const cell = (from: number | null, to: number | null) => cells[buckets.indexOf(from as never)]?.[buckets.indexOf(to as never)];

    expect(movement).toMatchObject({ from: "2025-Q2", to: "2025-Q3" });
    expect(total).toBe(5);
    expect(cell(1, 2)).toBe(1);
    expect(cell(3, 2)).toBe(1);
    expect(cell(null, 1)).toBe(1);
    expect(cell(2, 2)).toBe(1);
    expect(cell(null, null)).toBe(1);
    expect(summary).toEqual({ up: 1, down: 1, same: 1, newlyReviewed: 1, notReviewed: 1, noLongerReviewed: 0 });

    // Movement quarters outside the chart window are computed on their own, with the same result.
    const outside = await getLevelHistory({ teamId }, window8("2027-Q4", "2025-Q2", "2025-Q3"));
    expect(outside.movement.matrix.cells).toEqual(cells);
  });
});

describe("cached portfolio aggregates", () => {
  it("serve the same figures until a new decision, then include it", async () => {
    const teamId = await makeTeam();
    const service = await makeService(teamId);
    await decide(service, "2025-05-01T00:00:00Z", 1, "NO_GO");
    const quarters = lastQuarters("2099-Q4", 8);
    const window = { quarters, from: "2099-Q3", to: "2099-Q4" };
    const first = await getLevelHistory({ teamId }, window);
    expect((await getLevelHistory({ teamId }, window)).quarters).toEqual(first.quarters);
    const before = first.quarters.at(-1);
    expect(before?.levels[1]).toBe(1);

    // A decision made now moves the change token, so the next read recomputes instead of serving stale counts.
    await decide(service, new Date().toISOString(), 3, "GO");
    const after = await getLevelHistory({ teamId }, window);
    expect(after.quarters.at(-1)?.levels[3]).toBe(1);
    expect(after.quarters.at(-1)?.levels[1]).toBe(0);
  });
});

describe("getPortfolioHeadline", () => {
  const asOf = new Date("2026-06-15T12:00:00Z");
  const DAY = MS_PER_DAY;

  it("counts overdue reviews and expiring waivers exactly at their boundaries", async () => {
    const teamId = await makeTeam();
    const exactly90 = await makeService(teamId);
    const latest = await decide(exactly90, new Date(asOf.getTime() - 90 * DAY).toISOString(), 2, "GO");
    const older = await makeService(teamId);
    await decide(older, new Date(asOf.getTime() - 90 * DAY - 1).toISOString(), 2, "GO");
    await makeService(teamId);
    await makeService(teamId, { lifecycle: "RETIRED" });

    await waive(latest, "2026-06-15"); // expires today: still counts
    await waive(latest, "2026-07-15"); // today + 30: counts
    await waive(latest, "2026-07-16"); // today + 31: not yet
    await waive(latest, "2026-06-14"); // already expired
    await waive(latest, "2026-06-20", "PENDING"); // not approved
    const superseded = await decide(older, "2025-01-01T00:00:00Z", 1, "GO");
    await waive(superseded, "2026-06-20"); // on a review that is not the service's latest

    const headline = await getPortfolioHeadline({ teamId }, asOf);
    expect(headline.overdue).toEqual({ count: 2, total: 3 });
    expect(headline.expiringWaivers).toEqual({ count: 2, services: 1, from: "2026-06-15", until: "2026-07-15" });
    expect(headline.services).toBe(4);
  });

  it("splits current verdicts with the unreviewed shown separately, and measures target attainment over reviewed services", async () => {
    const targets = await loadTierTargets();
    const teamId = await makeTeam();
    for (const verdict of ["GO", "GO", "CONDITIONAL_GO", "NO_GO"] as const) {
      const id = await makeService(teamId, { tier: 1 });
      await decide(id, "2026-05-01T00:00:00Z", verdict === "GO" ? targets[1] : targets[1] - 1, verdict);
    }
    await makeService(teamId, { tier: 1 });

    const headline = await getPortfolioHeadline({ teamId }, asOf);
    expect(headline.verdicts).toEqual({
      total: 5,
      shares: [
        { verdict: "GO", count: 2, percent: 40 },
        { verdict: "CONDITIONAL_GO", count: 1, percent: 20 },
        { verdict: "NO_GO", count: 1, percent: 20 },
        { verdict: "NONE", count: 1, percent: 20 },
      ],
    });
    expect(headline.target).toEqual({ count: 2, total: 4, share: 0.5 });

    const tierTwo = await getPortfolioHeadline({ teamId, tier: 2 }, asOf);
    expect(tierTwo.services).toBe(0);
  });
});

describe("getVerdictsOverTime and getLevelsByTeam", () => {
  it("counts decisions per quarter by verdict, the approver's decision over the computed one", async () => {
    const teamId = await makeTeam();
    const id = await makeService(teamId);
    await decide(id, "2025-10-01T00:00:00Z", 2, "GO");
    await decide(id, "2025-12-31T23:59:59Z", 2, "GO", "NO_GO");
    await decide(id, "2026-01-01T00:00:00Z", 1, "CONDITIONAL_GO", null);
    await decide(id, "2023-01-01T00:00:00Z", 1, "GO"); // outside the window

    const quarters = lastQuarters("2026-Q1", 8);
    const result = await getVerdictsOverTime({ teamId }, quarters);
    expect(result.map((q) => q.quarter)).toEqual(quarters);
    expect(result.find((q) => q.quarter === "2025-Q4")).toEqual({
      quarter: "2025-Q4",
      counts: { GO: 1, CONDITIONAL_GO: 0, NO_GO: 1 },
      total: 2,
    });
    expect(result.find((q) => q.quarter === "2026-Q1")).toEqual({
      quarter: "2026-Q1",
      counts: { GO: 0, CONDITIONAL_GO: 1, NO_GO: 0 },
      total: 1,
    });
    expect(result.reduce((sum, q) => sum + q.total, 0)).toBe(3);

    const teams = await getLevelsByTeam({ teamId });
    expect(teams).toHaveLength(1);
    expect(teams[0]).toMatchObject({ levels: { 0: 0, 1: 1, 2: 0, 3: 0, 4: 0 }, notReviewed: 0, total: 1 });
  });
});
