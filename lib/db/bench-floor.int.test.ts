import { afterAll, describe, expect, it } from "vitest";
import { benchFloorQueries } from "@/lib/db/bench-floor";
import { closeDb, pool } from "@/lib/db/client";
import { getPortfolioHeadline } from "@/lib/db/portfolio";
import { createDecidedReview, createService, createTeam, createViewer } from "@/lib/db/review-test-fixtures";
import { getServiceHistory } from "@/lib/db/service-history";
import { installDefaultTemplate } from "@/lib/db/templates";

// The floor is the pages' own statements run through pg: every one must run as pg receives it, and give what the
// page reads through Prisma.

afterAll(async () => {
  await closeDb();
});

describe("benchFloorQueries", () => {
  it("runs every page's statements through pg with the rows the pages read", async () => {
    const { id: templateId } = await installDefaultTemplate();
    const team = await createTeam("floor");
    const viewer = await createViewer("EDITOR", [team.id]);
    const service = await createService(team.id, 1);
    await createDecidedReview({
      serviceId: service.id,
      templateId,
      decidedAt: new Date(),
      level: 2,
      computedVerdict: "NO_GO",
      decision: null,
    });
    const now = new Date();
    const sets = benchFloorQueries({
      viewerId: viewer.id,
      viewerTeamIds: viewer.teamIds,
      serviceSlug: service.slug,
      serviceId: service.id,
      now,
    });
    expect(sets.map((set) => set.key)).toEqual(["portfolio", "services", "service"]);

    const results = new Map<string, Record<string, unknown>[]>();
    for (const set of sets) {
      for (const query of set.steps.flat()) {
        const { rows } = await pool().query(query.text, query.values ? [...query.values] : undefined);
        results.set(`${set.key}: ${query.name}`, rows);
      }
    }
    expect(results.get("service: viewer")).toEqual([expect.objectContaining({ id: viewer.id, team_ids: [team.id] })]);
    expect(results.get("services: viewer's teams")).toEqual([{ id: team.id, slug: team.slug, name: expect.any(String) }]);
    expect(results.get("service: service with team and its 10 latest reviews")).toEqual([
      expect.objectContaining({ id: service.id, level: 2, status: "DECIDED" }),
    ]);
    const history = await getServiceHistory(service.id);
    expect(results.get("service: decided history (up to 200)")?.map((row) => row.id)).toEqual(history.reviews.map((r) => r.id));
    const headline = await getPortfolioHeadline({}, now);
    expect(results.get("portfolio: headline: services, at target, verdict shares, overdue, waivers expiring soon")).toEqual([
      expect.objectContaining({ services: headline.services, at_target: headline.target.count, overdue: headline.overdue.count }),
    ]);
  });
});
