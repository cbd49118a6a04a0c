import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { portfolioChangeToken } from "@/lib/db/change-token";
import { closeDb, db } from "@/lib/db/client";
import { decideReview, submitReview } from "@/lib/db/decisions";
import { ctxOf, createReviewWorld, type ReviewWorld } from "@/lib/db/review-test-fixtures";
import { createService, updateService } from "@/lib/db/services";
import type { ServiceInput } from "@/lib/schemas/service";
import { decisionInput } from "@/lib/schemas/review";

// Two replicas never share a clock exactly. A change made on the one that runs behind must still move the change
// token that every replica's cached portfolio figures are keyed by, so its time comes from the database.

afterEach(() => vi.useRealTimers());
afterAll(closeDb);

const TEN_MINUTES = 10 * 60_000;

/** This process's clock, from now on, runs ten minutes behind the database's. */
function runClockBehind(): void {
  vi.useFakeTimers({ now: Date.now() - TEN_MINUTES, toFake: ["Date"], shouldAdvanceTime: true });
}

async function decideNoGo(w: ReviewWorld): Promise<Date> {
  const { version } = await submitReview(ctxOf(w.editor), w.reviewId, 1);
  await decideReview(ctxOf(w.approver), w.reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version }));
  const row = await db().review.findUniqueOrThrow({ where: { id: w.reviewId }, select: { decidedAt: true } });
  if (!row.decidedAt) throw new Error("the review has no decision time");
  return row.decidedAt;
}

describe("changes made on a replica whose clock runs behind", () => {
  it("a decision is stamped after the one before it and moves the change token", async () => {
    const [first, second] = await Promise.all([createReviewWorld(), createReviewWorld()]);
    const firstAt = await decideNoGo(first);
    const before = await portfolioChangeToken();

    runClockBehind();
    const secondAt = await decideNoGo(second);

    expect(secondAt.getTime()).toBeGreaterThanOrEqual(firstAt.getTime());
    expect(await portfolioChangeToken()).not.toBe(before);
  });

  it("a service edit is stamped by the database and moves the change token", async () => {
    const w = await createReviewWorld();
    const slug = `clock-${randomUUID().slice(0, 8)}`;
    const input: ServiceInput = {
      ...{ name: `Clock ${slug}`, slug, description: "", teamId: w.teamId, tier: 2, lifecycle: "DEVELOPMENT" },
      ...{ repositoryUrl: null, runbookUrl: null, dashboardUrl: null, healthUrl: null, onCall: null },
    };
    const { id } = await createService(ctxOf(w.editor), input);
    const before = await portfolioChangeToken();
    const databaseNow = (await db().$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0]?.now ?? new Date();

    runClockBehind();
    await updateService(ctxOf(w.editor), id, { ...input, tier: 1, version: 1 });

    const row = await db().service.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(databaseNow.getTime());
    expect(await portfolioChangeToken()).not.toBe(before);
  });
});
