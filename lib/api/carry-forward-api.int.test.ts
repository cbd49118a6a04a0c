import { describe, expect, it } from "vitest";
import { POST as createReview } from "@/app/api/v1/services/[slug]/reviews/route";
import { GET as getReview } from "@/app/api/v1/reviews/[id]/route";
import { PUT as putAnswer } from "@/app/api/v1/reviews/[id]/answers/[itemKey]/route";
import { POST as confirmAnswer } from "@/app/api/v1/reviews/[id]/answers/[itemKey]/confirm/route";
import { POST as confirmConcern } from "@/app/api/v1/reviews/[id]/concerns/[concernKey]/confirm/route";
import { POST as confirmReview } from "@/app/api/v1/reviews/[id]/confirm/route";
import { apiRequest as req, apiTokenFor, createApiWorld, readJson, routeParams as params } from "@/lib/api/api-test-support";
import { db } from "@/lib/db/client";
import { createDecidedReviewWithAnswers, createService, createViewer } from "@/lib/db/review-test-fixtures";

// Carrying answers forward and confirming them, through the real route handlers with API tokens, against Postgres.

const ITEM = "health.healthz-endpoint";

type Answer = { itemKey: string; version: number; origin: string; confirmed: boolean; carriedFromReviewId: string | null };
type Review = {
  id: string;
  level: number;
  items: { key: string; outcome: string | null }[];
  reasons: { code: string; itemKeys: string[] }[];
  answers: Answer[];
  carryForward: {
    fromReviewId: string | null;
    awaitingConfirmation: number;
    tag: string;
    concerns: { key: string; awaiting: string[]; tag: string }[];
  };
};
type Json = Record<string, unknown> & {
  error?: { code: string; fields?: Record<string, string[]>; current?: unknown; openReviewId?: string };
};

const json = <T = Json>(r: Response) => readJson<T>(r);

async function world() {
  const { team, service, editor, token, outsiderToken } = await createApiWorld("carry-api");
  const sourceId = await createDecidedReviewWithAnswers(service.id, editor.id);
  return { team, service, sourceId, token, outsiderToken, readToken: await apiTokenFor(editor, "READ") };
}

const start = (slug: string, token: string, body: unknown) =>
  createReview(req("POST", `/api/v1/services/${slug}/reviews`, token, { body }), params({ slug }));
const read = async (id: string, token: string) => json<Review>(await getReview(req("GET", `/api/v1/reviews/${id}`, token), params({ id })));
const confirm = (id: string, token: string, headers: Record<string, string>, itemKey = ITEM) =>
  confirmAnswer(req("POST", `/api/v1/reviews/${id}/answers/${itemKey}/confirm`, token, { headers }), params({ id, itemKey }));
const confirmAll = (id: string, token: string, concernKey: string, headers: Record<string, string>) =>
  confirmConcern(req("POST", `/api/v1/reviews/${id}/concerns/${concernKey}/confirm`, token, { headers }), params({ id, concernKey }));

describe("carry-forward through /api/v1", () => {
  it("is off by default, and on request copies the last decided review's answers as carried and unconfirmed", async () => {
    const w = await world();
    const blank = await start(w.service.slug, w.token, { trigger: "QUARTERLY" });
    expect(blank.status).toBe(201);
    const blankReview = await json<Review>(blank);
    expect(blankReview.answers).toEqual([]);
    expect(blankReview.carryForward).toEqual({ fromReviewId: null, awaitingConfirmation: 0, tag: "v", concerns: [] });

    // One open review per service: the second start is refused and names the open one.
    const refused = await start(w.service.slug, w.token, { trigger: "QUARTERLY", carryForward: true });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error?.openReviewId).toBe(blankReview.id);

    const fresh = await createService(w.team.id, 3);
    const nothingToCarry = await start(fresh.slug, w.token, { trigger: "QUARTERLY", carryForward: true });
    expect(nothingToCarry.status).toBe(422);
    expect((await json(nothingToCarry)).error?.fields?.carryForward).toBeTruthy();
    expect((await start(fresh.slug, w.token, { trigger: "QUARTERLY", carryForward: "yes" })).status).toBe(422);

    const other = await createService(w.team.id, 3);
    await createDecidedReviewWithAnswers(other.id, (await createViewer("EDITOR", [w.team.id])).id);
    const created = await start(other.slug, w.token, { trigger: "QUARTERLY", carryForward: true });
    expect(created.status).toBe(201);
    const review = await json<Review>(created);
    expect(review.level).toBe(0);
    expect(review.answers.find((a) => a.itemKey === ITEM)).toMatchObject({ origin: "CARRIED", confirmed: false, version: 1 });
    expect(review.carryForward.awaitingConfirmation).toBe(review.reasons.find((r) => r.code === "CARRIED_UNCONFIRMED")?.itemKeys.length);
  });

  it("confirms one answer with the same If-Match discipline as answer writes", async () => {
    const w = await world();
    const { id } = await json<Review>(await start(w.service.slug, w.token, { trigger: "QUARTERLY", carryForward: true }));

    expect((await confirm(id, w.token, {})).status).toBe(428);
    expect((await confirm(id, w.token, { "if-none-match": "*" })).status).toBe(428);
    expect((await confirm(id, w.token, { "if-match": "banana" })).status).toBe(400);
    const stale = await confirm(id, w.token, { "if-match": '"5"' });
    expect(stale.status).toBe(412);
    expect((await json(stale)).error?.current).toMatchObject({ version: 1, confirmed: false });
    expect((await confirm(id, w.readToken, { "if-match": '"1"' })).status).toBe(403);
    expect((await confirm(id, w.outsiderToken, { "if-match": '"1"' })).status).toBe(403);

    const done = await confirm(id, w.token, { "if-match": '"1"' });
    expect(done.status).toBe(200);
    expect(done.headers.get("etag")).toBe('"2"');
    expect(await json(done)).toMatchObject({
      itemKey: ITEM,
      origin: "CARRIED",
      confirmed: true,
      confirmedBy: { name: expect.any(String) },
    });
    expect((await confirm(id, w.token, { "if-match": '"2"' })).status).toBe(409);
    expect((await confirm(id, w.token, { "if-match": '"1"' }, "no.such-item")).status).toBe(404);

    // Changing a carried answer's status through PUT confirms it as well.
    const put = await putAnswer(
      req("PUT", `/api/v1/reviews/${id}/answers/health.readiness-probe`, w.token, {
        body: { status: "PARTIAL" },
        headers: { "if-match": '"1"' },
      }),
      params({ id, itemKey: "health.readiness-probe" }),
    );
    expect(await json(put)).toMatchObject({ status: "PARTIAL", confirmed: true });
  });

  it("confirms a whole concern with its tag, and the level follows", async () => {
    const w = await world();
    const { id } = await json<Review>(await start(w.service.slug, w.token, { trigger: "QUARTERLY", carryForward: true }));
    let review = await read(id, w.token);
    const health = review.carryForward.concerns.find((c) => c.key === "health")!;
    expect(health.awaiting).toContain(ITEM);

    expect((await confirmAll(id, w.token, "health", {})).status).toBe(428);
    expect((await confirmAll(id, w.token, "health", { "if-match": '"1"' })).status).toBe(400);
    await confirm(id, w.token, { "if-match": '"1"' });
    const stale = await confirmAll(id, w.token, "health", { "if-match": `"${health.tag}"` });
    expect(stale.status).toBe(412);
    const current = (await json(stale)).error?.current as { tag: string; awaiting: string[] };
    expect(current.awaiting).not.toContain(ITEM);

    const done = await confirmAll(id, w.token, "health", { "if-match": `"${current.tag}"` });
    expect(done.status).toBe(200);
    const result = await json<{ tag: string; confirmed: Answer[] }>(done);
    expect(result.confirmed.map((a) => a.itemKey)).toEqual(current.awaiting);
    expect(done.headers.get("etag")).toBe(`"${result.tag}"`);
    expect((await confirmAll(id, w.token, "health", { "if-match": `"${result.tag}"` })).status).toBe(409);

    review = await read(id, w.token);
    for (const concern of review.carryForward.concerns.filter((c) => c.awaiting.length > 0)) {
      expect((await confirmAll(id, w.token, concern.key, { "if-match": `"${concern.tag}"` })).status).toBe(200);
    }
    review = await read(id, w.token);
    expect(review.carryForward.awaitingConfirmation).toBe(0);
    expect(review.level).toBe(4);
    expect(review.answers.every((a) => a.carriedFromReviewId === w.sourceId)).toBe(true);
    // What still waits is only answers to items that do not apply to a tier 3 service (the engine ignores them).
    const outcomes = new Map(review.items.map((i) => [i.key, i.outcome]));
    const waiting = review.answers.filter((a) => !a.confirmed);
    expect(waiting.length).toBeGreaterThan(0);
    for (const answer of waiting) expect(outcomes.get(answer.itemKey), answer.itemKey).toBeNull();
  });

  it("confirms every carried answer of the review at once with the review's tag, audited, and the level follows", async () => {
    const w = await world();
    const { id } = await json<Review>(await start(w.service.slug, w.token, { trigger: "QUARTERLY", carryForward: true }));
    const confirmEverything = (token: string, headers: Record<string, string>) =>
      confirmReview(req("POST", `/api/v1/reviews/${id}/confirm`, token, { headers }), params({ id }));
    const before = await read(id, w.token);
    expect(before.level).toBe(0);
    expect(before.carryForward.awaitingConfirmation).toBeGreaterThan(0);

    expect((await confirmEverything(w.token, {})).status).toBe(428);
    expect((await confirmEverything(w.token, { "if-match": "banana" })).status).toBe(400);
    expect((await confirmEverything(w.readToken, { "if-match": `"${before.carryForward.tag}"` })).status).toBe(403);
    expect((await confirmEverything(w.outsiderToken, { "if-match": `"${before.carryForward.tag}"` })).status).toBe(403);

    // One answer confirmed on its own moves the review's tag on: the old tag is refused with what waits now.
    await confirm(id, w.token, { "if-match": '"1"' });
    const stale = await confirmEverything(w.token, { "if-match": `"${before.carryForward.tag}"` });
    expect(stale.status).toBe(412);
    const current = (await json(stale)).error?.current as { tag: string; awaiting: string[] };
    expect(current.awaiting).toHaveLength(before.carryForward.awaitingConfirmation - 1);
    expect(current.awaiting).not.toContain(ITEM);

    const done = await confirmEverything(w.token, { "if-match": `"${current.tag}"` });
    expect(done.status).toBe(200);
    const result = await json<{ tag: string; confirmed: Answer[] }>(done);
    expect(result.confirmed.map((a) => a.itemKey).sort()).toEqual([...current.awaiting].sort());
    expect(result.confirmed.every((a) => a.confirmed)).toBe(true);
    expect(done.headers.get("etag")).toBe(`"${result.tag}"`);
    expect((await confirmEverything(w.token, { "if-match": `"${result.tag}"` })).status).toBe(409);

    const after = await read(id, w.token);
    expect(after.carryForward).toMatchObject({ awaitingConfirmation: 0, tag: result.tag });
    expect(after.level).toBe(4);
    const audited = await db().auditEvent.count({ where: { reviewId: id, action: "answer.confirm" } });
    expect(audited).toBe(current.awaiting.length + 1);
  });
});
