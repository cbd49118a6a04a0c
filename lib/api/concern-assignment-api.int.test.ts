import { describe, expect, it } from "vitest";
import { GET as getReview } from "@/app/api/v1/reviews/[id]/route";
import { PUT as putAnswer } from "@/app/api/v1/reviews/[id]/answers/[itemKey]/route";
import { PUT as putAssignment, POST as postAssignment } from "@/app/api/v1/reviews/[id]/concerns/[concernKey]/assignment/route";
import { apiRequest as req, apiTokenFor as tokenOf, readJson, routeParams as params } from "@/lib/api/api-test-support";
import { submitReview } from "@/lib/db/decisions";
import { createReviewWorld, createViewer, ctxOf } from "@/lib/db/review-test-fixtures";
import { concernAssignmentResponse } from "@/lib/schemas/api";

// Assigning concerns through the real route handlers with API tokens, against Postgres.

const CONCERN = "health";
const ITEM = "health.healthz-endpoint";

type Assignment = {
  concern: string;
  assignee: { name: string; email: string | null } | null;
  status: string;
  version: number;
  openItems: number | null;
};
type Json = { error?: { code: string; message: string; fields?: Record<string, string[]>; current?: Assignment } } & Partial<Assignment>;
const json = <T = Json>(r: Response) => readJson<T>(r);

async function world() {
  const w = await createReviewWorld(3);
  const teammate = await createViewer("EDITOR", [w.teamId], "teammate");
  return { ...w, teammate, token: await tokenOf(w.editor), outsiderToken: await tokenOf(w.otherEditor) };
}

const assign = (id: string, token: string, body: unknown, headers: Record<string, string> = {}, concernKey = CONCERN) =>
  putAssignment(
    req("PUT", `/api/v1/reviews/${id}/concerns/${concernKey}/assignment`, token, { body, headers }),
    params({ id, concernKey }),
  );
const read = async (id: string, token: string) =>
  json<{ assignments: Assignment[] }>(await getReview(req("GET", `/api/v1/reviews/${id}`, token), params({ id })));

describe("PUT /api/v1/reviews/{id}/concerns/{concernKey}/assignment", () => {
  it("assigns at version 0, answers with the new version as ETag, and shows the assignment in GET", async () => {
    const w = await world();
    const before = await read(w.reviewId, w.token);
    expect(before.assignments).toHaveLength(w.template.concerns.length);
    const untouched = before.assignments.find((a) => a.concern === CONCERN);
    expect(untouched).toMatchObject({ assignee: null, status: "NOT_STARTED", version: 0 });
    expect(untouched?.openItems).toBeGreaterThan(0);
    for (const entry of before.assignments) expect(concernAssignmentResponse.safeParse(entry).success).toBe(true);

    const response = await assign(
      w.reviewId,
      w.token,
      { assignee: w.teammate.email.toUpperCase(), status: "IN_PROGRESS" },
      { "if-match": '"0"' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"1"');
    const saved = await json(response);
    expect(concernAssignmentResponse.parse(saved)).toMatchObject({
      concern: CONCERN,
      assignee: { name: w.teammate.name, email: null },
      status: "IN_PROGRESS",
      version: 1,
      openItems: untouched?.openItems,
    });

    const after = await read(w.reviewId, w.token);
    expect(after.assignments.find((a) => a.concern === CONCERN)).toMatchObject({
      version: 1,
      status: "IN_PROGRESS",
      assignee: { name: w.teammate.name },
    });

    // DONE with items still open is accepted and says how many.
    const done = await json(await assign(w.reviewId, w.token, { assignee: null, status: "DONE" }, { "if-match": '"1"' }));
    expect(done).toMatchObject({ status: "DONE", assignee: null, version: 2, openItems: untouched?.openItems });
  });

  it("needs If-Match (428), refuses a stale one with the current assignment (412) and a malformed one (400)", async () => {
    const w = await world();
    const body = { assignee: w.teammate.email, status: "NOT_STARTED" };
    const missing = await assign(w.reviewId, w.token, body);
    expect(missing.status).toBe(428);
    expect((await json(missing)).error?.code).toBe("PRECONDITION_REQUIRED");
    expect((await assign(w.reviewId, w.token, body, { "if-match": "*" })).status).toBe(400);

    expect((await assign(w.reviewId, w.token, body, { "if-match": '"0"' })).status).toBe(200);
    const stale = await assign(w.reviewId, w.token, { assignee: w.editor.email, status: "DONE" }, { "if-match": '"0"' });
    expect(stale.status).toBe(412);
    const error = (await json(stale)).error;
    expect(error?.code).toBe("PRECONDITION_FAILED");
    expect(error?.current).toMatchObject({ version: 1, status: "NOT_STARTED", assignee: { name: w.teammate.name } });

    // A first answer starts the concern and moves its version on, so a writer holding version 1 must reload.
    const started = await putAnswer(
      req("PUT", `/api/v1/reviews/${w.reviewId}/answers/${ITEM}`, w.token, { body: { status: "MET" }, headers: { "if-none-match": "*" } }),
      params({ id: w.reviewId, itemKey: ITEM }),
    );
    expect(started.status).toBe(201);
    const current = (await read(w.reviewId, w.token)).assignments.find((a) => a.concern === CONCERN);
    expect(current).toMatchObject({ version: 2, status: "IN_PROGRESS", assignee: { name: w.teammate.name } });
    expect((await assign(w.reviewId, w.token, { assignee: w.teammate.email, status: "DONE" }, { "if-match": '"1"' })).status).toBe(412);
    expect((await assign(w.reviewId, w.token, { assignee: w.teammate.email, status: "DONE" }, { "if-match": 'W/"2"' })).status).toBe(200);
  });

  it("answers 4xx with the field for bad input", async () => {
    const w = await world();
    const cases: [unknown, string][] = [
      [{ assignee: "not-an-address", status: "DONE" }, "assignee"],
      [{ assignee: null, status: "FINISHED" }, "status"],
      [{ assignee: null }, "status"],
      [{ assignee: null, status: "DONE", extra: 1 }, "_"],
    ];
    for (const [body, field] of cases) {
      const response = await assign(w.reviewId, w.token, body, { "if-match": '"0"' });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys((await json(response)).error?.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // Someone who is not an editor of the owning team cannot be assigned.
    const outsider = await assign(w.reviewId, w.token, { assignee: w.otherEditor.email, status: "DONE" }, { "if-match": '"0"' });
    expect(outsider.status).toBe(422);
    expect((await json(outsider)).error?.fields).toEqual({ assignee: ["Choose an editor of the team that owns this service"] });

    const unknown = await assign(w.reviewId, w.token, { assignee: null, status: "DONE" }, { "if-match": '"0"' }, "no-such-concern");
    expect(unknown.status).toBe(404);
    const method = postAssignment();
    expect(method.status).toBe(405);
  });

  it("refuses other teams (403), read-only tokens (403) and reviews that are no longer drafts (409)", async () => {
    const w = await world();
    const body = { assignee: w.teammate.email, status: "IN_PROGRESS" };
    const other = await assign(w.reviewId, w.outsiderToken, body, { "if-match": '"0"' });
    expect(other.status).toBe(403);
    expect((await json(other)).error?.message).toMatch(/Only editors of the team that owns this service/);
    expect((await assign(w.reviewId, await tokenOf(w.editor, "READ"), body, { "if-match": '"0"' })).status).toBe(403);
    expect((await assign(w.reviewId, await tokenOf(w.viewer), body, { "if-match": '"0"' })).status).toBe(403);

    await submitReview(ctxOf(w.editor), w.reviewId, 1);
    expect((await assign(w.reviewId, w.token, body, { "if-match": '"0"' })).status).toBe(409);
    expect((await read(w.reviewId, w.token)).assignments.every((a) => a.version === 0)).toBe(true);
  });
});
