import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { GET as listServices } from "@/app/api/v1/services/route";
import { GET as getService } from "@/app/api/v1/services/[slug]/route";
import { POST as createReview } from "@/app/api/v1/services/[slug]/reviews/route";
import { GET as getReview } from "@/app/api/v1/reviews/[id]/route";
import { PUT as putAnswer } from "@/app/api/v1/reviews/[id]/answers/[itemKey]/route";
import { POST as addEvidence } from "@/app/api/v1/reviews/[id]/answers/[itemKey]/evidence/route";
import { DELETE as removeEvidence } from "@/app/api/v1/reviews/[id]/evidence/[evidenceId]/route";
import { Pool } from "pg";
import { API_TEST_BASE, apiRequest as req, apiTokenFor, createApiWorld, readJson, routeParams as params } from "@/lib/api/api-test-support";
import { toApiResponse } from "@/lib/api/handler";
import { setAnswer } from "@/lib/db/answers";
import { hashApiToken } from "@/lib/db/api-tokens";
import { decideReview, submitReview } from "@/lib/db/decisions";
import { approveWaiver, requestWaiver } from "@/lib/db/waivers";
import { addDays } from "@/lib/domain/days";
import { db } from "@/lib/db/client";
import { createDecidedReview, createService, createTeam, createViewer, ctxOf } from "@/lib/db/review-test-fixtures";
import { createAppLimiters } from "@/lib/db/rate-limits";
import { todayUtc } from "@/lib/db/review-access";
import { queryServicesTable } from "@/lib/db/services-table";
import { installDefaultTemplate } from "@/lib/db/templates";
import { limitSettings } from "@/lib/env";
import { decisionInput, setAnswerInput, waiverRequestInput } from "@/lib/schemas/review";
import { DEFAULT_STATE } from "@/lib/schemas/services-table";

// The review API exercised through its real route handlers with personal API tokens, against Postgres.

const ITEM = "health.healthz-endpoint";

type Json = Record<string, unknown> & { error?: { code: string; fields?: Record<string, string[]>; current?: { version: number } } };

const body = (r: Response) => readJson<Json>(r);

async function world() {
  const { service, editor, token, outsiderToken } = await createApiWorld("api");
  const created = await createReview(
    req("POST", `/api/v1/services/${service.slug}/reviews`, token, { body: { trigger: "FIRST_DEPLOY" } }),
    params({ slug: service.slug }),
  );
  expect(created.status).toBe(201);
  const review = await body(created);
  return { service, token, outsiderToken, editor, reviewId: review.id as string, review };
}

const answer = (reviewId: string, token: string | null, data: unknown, headers: Record<string, string> = {}, item = ITEM) =>
  putAnswer(
    req("PUT", `/api/v1/reviews/${reviewId}/answers/${item}`, token, { body: data, headers }),
    params({ id: reviewId, itemKey: item }),
  );

describe("/api/v1", () => {
  // Requests with no credentials at all fall through to the browser session, which needs a real Next
  // request: e2e/api.spec.ts covers that case against the running server.
  it("refuses an unknown or revoked token", async () => {
    const bad = await listServices(req("GET", "/api/v1/services", "ss_not-a-real-token"), params({}));
    expect(bad.status).toBe(401);
    expect((await body(bad)).error?.code).toBe("UNAUTHENTICATED");
  });

  it("lists services, validates the query, and starts a review that reports its level and verdict", async () => {
    const { service, token, review } = await world();
    const list = await body(await listServices(req("GET", `/api/v1/services?q=${service.slug}`, token), params({})));
    expect((list.items as { slug: string }[]).map((s) => s.slug)).toEqual([service.slug]);
    const invalid = await listServices(req("GET", "/api/v1/services?tier=7", token), params({}));
    expect(invalid.status).toBe(422);
    expect(review).toMatchObject({ status: "DRAFT", level: 0, verdict: "NO_GO", targetLevel: 1 });
    expect((review.reasons as { code: string }[]).some((r) => r.code === "BLOCKER_UNMET")).toBe(true);
    const again = await createReview(
      req("POST", `/api/v1/services/${service.slug}/reviews`, token, { body: { trigger: "QUARTERLY" } }),
      params({ slug: service.slug }),
    );
    expect(again.status).toBe(409);
  });

  it("writes answers only with a precondition and never overwrites a newer version", async () => {
    const { token, reviewId } = await world();
    expect((await answer(reviewId, token, { status: "MET" })).status).toBe(428);
    const created = await answer(reviewId, token, { status: "PARTIAL", note: "probe only" }, { "if-none-match": "*" });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const createdAgain = await answer(reviewId, token, { status: "MET" }, { "if-none-match": "*" });
    expect(createdAgain.status).toBe(412);
    expect((await body(createdAgain)).error?.current?.version).toBe(1);

    const updated = await answer(reviewId, token, { status: "MET" }, { "if-match": '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    const stale = await answer(reviewId, token, { status: "NOT_MET" }, { "if-match": '"1"' });
    expect(stale.status).toBe(412);
    expect((await body(stale)).error?.current).toMatchObject({ version: 2, status: "MET" });

    // Two writers that both saw version 2: exactly one wins.
    const [a, b] = await Promise.all([
      answer(reviewId, token, { status: "NOT_MET" }, { "if-match": '"2"' }),
      answer(reviewId, token, { status: "PARTIAL" }, { "if-match": '"2"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);

    const review = await body(await getReview(req("GET", `/api/v1/reviews/${reviewId}`, token), params({ id: reviewId })));
    expect((review.answers as { itemKey: string; version: number }[]).find((x) => x.itemKey === ITEM)?.version).toBe(3);
  });

  it("answers bad input with 4xx and field details, never 500", async () => {
    const { token, reviewId } = await world();
    const badStatus = await answer(reviewId, token, { status: "DONE" }, { "if-none-match": "*" });
    expect(badStatus.status).toBe(422);
    expect((await body(badStatus)).error?.fields?.status).toBeTruthy();
    const naWithoutReason = await answer(reviewId, token, { status: "NOT_APPLICABLE" }, { "if-none-match": "*" });
    expect(naWithoutReason.status).toBe(422);
    expect((await body(naWithoutReason)).error?.fields?.naReason).toBeTruthy();
    const badJson = await putAnswer(
      req("PUT", `/api/v1/reviews/${reviewId}/answers/${ITEM}`, token, { raw: "{nope", headers: { "if-none-match": "*" } }),
      params({ id: reviewId, itemKey: ITEM }),
    );
    expect(badJson.status).toBe(400);
    expect((await answer(reviewId, token, { status: "MET" }, { "if-none-match": "*" }, "no.such-item")).status).toBe(404);
    expect((await getReview(req("GET", "/api/v1/reviews/not-a-uuid", token), params({ id: "not-a-uuid" }))).status).toBe(404);
    expect(
      (
        await getReview(
          req("GET", "/api/v1/reviews/00000000-0000-4000-8000-000000000000", token),
          params({ id: "00000000-0000-4000-8000-000000000000" }),
        )
      ).status,
    ).toBe(404);
  });

  it("adds evidence with http(s) links only, and removes it", async () => {
    const { token, reviewId } = await world();
    await answer(reviewId, token, { status: "MET" }, { "if-none-match": "*" });
    const add = (url: string) =>
      addEvidence(
        req("POST", `/api/v1/reviews/${reviewId}/answers/${ITEM}/evidence`, token, {
          body: { url, title: "Health dashboard", kind: "DASHBOARD" },
        }),
        params({ id: reviewId, itemKey: ITEM }),
      );
    for (const evil of ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd"]) {
      const refused = await add(evil);
      expect(refused.status).toBe(422);
    }
    const added = await add("https://grafana.example.com/d/health");
    expect(added.status).toBe(201);
    const evidence = await body(added);
    const removed = await removeEvidence(
      req("DELETE", `/api/v1/reviews/${reviewId}/evidence/${evidence.id}`, token),
      params({ id: reviewId, evidenceId: evidence.id as string }),
    );
    expect(removed.status).toBe(204);
    expect(await db().evidence.count({ where: { id: evidence.id as string } })).toBe(0);
  });

  it("stores links normalised and refuses text that only a lenient parser reads as a link", async () => {
    const { token, reviewId } = await world();
    await answer(reviewId, token, { status: "MET" }, { "if-none-match": "*" });
    const add = (url: string) =>
      addEvidence(
        req("POST", `/api/v1/reviews/${reviewId}/answers/${ITEM}/evidence`, token, { body: { url, title: "Dashboard" } }),
        params({ id: reviewId, itemKey: ITEM }),
      );
    // Each of these parses as an http(s) URL, yet fails the evidence table's CHECK.
    for (const lenient of ["http:\\\\evil.example", "https:/x", "http:x", "HTTP:evil.example"]) {
      const refused = await add(lenient);
      expect(refused.status, lenient).toBe(422);
      expect((await body(refused)).error?.fields?.url).toEqual(["Only http:// and https:// links are allowed"]);
    }
    const added = await add("  HTTPS://Grafana.Example.com:443/d/a b  ");
    expect(added.status).toBe(201);
    expect((await body(added)).url).toBe("https://grafana.example.com/d/a%20b");
    const stored = await db().evidence.findMany({ where: { answer: { reviewId } }, select: { url: true } });
    expect(stored).toEqual([{ url: "https://grafana.example.com/d/a%20b" }]);
  });

  it("answers NUL characters in bodies, query strings and path parameters with 4xx, never 500", async () => {
    const { token, reviewId, service } = await world();
    const nulBody = await answer(reviewId, token, { status: "MET", note: "probe\u0000checks" }, { "if-none-match": "*" });
    expect(nulBody.status).toBe(422);
    expect((await body(nulBody)).error?.fields?.note).toBeTruthy();
    const nulKey = await answer(reviewId, token, { status: "MET", ["x\u0000"]: 1 }, { "if-none-match": "*" });
    expect(nulKey.status).toBe(422);
    expect(await db().answer.count({ where: { reviewId } })).toBe(0);

    const nulQuery = await listServices(req("GET", "/api/v1/services?q=a%00b", token), params({}));
    expect(nulQuery.status).toBe(400);
    expect((await body(nulQuery)).error?.code).toBe("BAD_REQUEST");
    const nulSlug = await getService(req("GET", "/api/v1/services/a%00b", token), params({ slug: `${service.slug}\u0000` }));
    expect(nulSlug.status).toBe(400);
  });

  it("refuses absurdly nested bodies at once, in time proportional to their size", async () => {
    const { token, reviewId } = await world();
    const depth = 100_000;
    const nested = `{"status":"MET","note":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const started = performance.now();
    const refused = await putAnswer(
      new Request(`${API_TEST_BASE}/api/v1/reviews/${reviewId}/answers/${ITEM}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-none-match": "*" },
        body: nested,
      }),
      params({ id: reviewId, itemKey: ITEM }),
    );
    // A walk that copies its path per level took tens of seconds on this body.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(refused.status).toBe(422);
    expect((await body(refused)).error?.fields?.[`note${".0".repeat(63)}`]).toEqual(["Nest JSON at most 64 levels deep"]);
    expect(await db().answer.count({ where: { reviewId } })).toBe(0);
  });

  it("takes exactly JSON, and refuses a write from another origin that would ride on the browser session", async () => {
    const { token, reviewId } = await world();
    const put = (headers: Record<string, string>) =>
      putAnswer(
        new Request(`${API_TEST_BASE}/api/v1/reviews/${reviewId}/answers/${ITEM}`, {
          method: "PUT",
          headers: { "if-none-match": "*", ...headers },
          body: JSON.stringify({ status: "MET" }),
        }),
        params({ id: reviewId, itemKey: ITEM }),
      );
    for (const type of ["text/plain;x=application/json", "text/plain", "application/jsonx", "application/json; x=1", ""]) {
      const refused = await put({ authorization: `Bearer ${token}`, "content-type": type });
      expect(refused.status, type).toBe(400);
    }
    expect(await db().answer.count({ where: { reviewId } })).toBe(0);

    // No token: the session cookie would be the credential, so the origin must be Shipshape's own.
    const foreign: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "http://shipshape.test:8080" },
      { origin: "null" },
      { origin: `${API_TEST_BASE}`, "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      {},
    ];
    for (const headers of foreign) {
      const refused = await put({ "content-type": "application/json", ...headers });
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect((await body(refused)).error?.code).toBe("FORBIDDEN");
    }

    const viaToken = await put({
      authorization: `Bearer ${token}`,
      "content-type": "Application/JSON; charset=UTF-8",
      origin: "http://evil.example",
    });
    expect(viaToken.status).toBe(201);
  });

  it("lets an editor of another team read but not change the review", async () => {
    const { outsiderToken, reviewId } = await world();
    expect((await getReview(req("GET", `/api/v1/reviews/${reviewId}`, outsiderToken), params({ id: reviewId }))).status).toBe(200);
    const refused = await answer(reviewId, outsiderToken, { status: "MET" }, { "if-none-match": "*" });
    expect(refused.status).toBe(403);
    expect(await db().answer.count({ where: { reviewId } })).toBe(0);
  });

  it("lets a read-only token read but refuses every change with 403, and stores nothing", async () => {
    const { reviewId, editor } = await world();
    const readOnly = await apiTokenFor(editor, "READ");
    expect((await getReview(req("GET", `/api/v1/reviews/${reviewId}`, readOnly), params({ id: reviewId }))).status).toBe(200);
    const refused = await answer(reviewId, readOnly, { status: "MET" }, { "if-none-match": "*" });
    expect(refused.status).toBe(403);
    expect((await body(refused)).error?.code).toBe("FORBIDDEN");
    expect(await db().answer.count({ where: { reviewId } })).toBe(0);
  });

  it("refuses an expired token with 401", async () => {
    const { token, reviewId } = await world();
    await db().apiToken.updateMany({ where: { tokenHash: hashApiToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await getReview(req("GET", `/api/v1/reviews/${reviewId}`, token), params({ id: reviewId }));
    expect(expired.status).toBe(401);
    expect((await body(expired)).error?.code).toBe("UNAUTHENTICATED");
  });

  it("answers 429 with Retry-After once a token has spent its minute, counted across instances", async () => {
    const { token, reviewId } = await world();
    const row = await db().apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) }, select: { id: true } });
    // Another replica, with a pool of its own, spends this token's whole allowance.
    const replicaPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    try {
      const settings = limitSettings();
      const replica = createAppLimiters(replicaPool, {
        signInPerAccount: settings.SIGNIN_LIMIT_PER_ACCOUNT,
        signInPerAddress: settings.SIGNIN_LIMIT_PER_ADDRESS,
        apiPerToken: settings.API_LIMIT_PER_TOKEN,
      });
      for (let spent = 0; spent < settings.API_LIMIT_PER_TOKEN; spent += 50) {
        await Promise.all(Array.from({ length: 50 }, () => replica.apiToken.consume(row.id)));
      }
    } finally {
      await replicaPool.end();
    }
    const limited = await getReview(req("GET", `/api/v1/reviews/${reviewId}`, token), params({ id: reviewId }));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await body(limited)).error?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("gives a service the same current level as the services table: its latest decision, not its newer open review", async () => {
    const { id: templateId } = await installDefaultTemplate();
    const team = await createTeam("api-level");
    const editor = await createViewer("EDITOR", [team.id]);
    const service = await createService(team.id, 2);
    const token = await apiTokenFor(editor);
    const decidedAt = new Date("2026-01-15T10:00:00.000Z");
    await createDecidedReview({
      serviceId: service.id,
      templateId,
      decidedAt,
      level: 3,
      computedVerdict: "GO",
      decision: "CONDITIONAL_GO",
    });
    // The newer review is open and has nothing answered: as the latest review it would read level 0 and no-go.
    const started = await createReview(
      req("POST", `/api/v1/services/${service.slug}/reviews`, token, { body: { trigger: "MAJOR_RELEASE" } }),
      params({ slug: service.slug }),
    );
    expect(started.status).toBe(201);

    const list = await body(await listServices(req("GET", `/api/v1/services?q=${service.slug}`, token), params({})));
    const [item] = list.items as {
      slug: string;
      targetLevel: number;
      latestDecision: { level: number; verdict: string; decidedAt: string } | null;
    }[];
    expect(item).toMatchObject({
      slug: service.slug,
      targetLevel: 2,
      latestDecision: { level: 3, verdict: "CONDITIONAL_GO", decidedAt: decidedAt.toISOString() },
    });

    const table = await queryServicesTable({ ...DEFAULT_STATE, q: service.slug });
    expect(table.rows).toHaveLength(1);
    const [row] = table.rows;
    expect({
      level: row?.level,
      verdict: row?.verdict,
      decidedAt: row?.lastDecidedAt?.toISOString(),
      targetLevel: row?.targetLevel,
    }).toEqual({
      ...item?.latestDecision,
      targetLevel: item?.targetLevel,
    });
  });
});

describe("/api/v1 privacy and four eyes", () => {
  it("names answerers to everyone and shows their e-mail address only to admins", async () => {
    const { token, reviewId, editor } = await world();
    expect((await answer(reviewId, token, { status: "MET" }, { "if-none-match": "*" })).status).toBe(201);
    const reader = await createViewer("VIEWER", []);
    const admin = await createViewer("ADMIN", []);
    const answeredBy = async (viewerToken: string) => {
      const review = await body(await getReview(req("GET", `/api/v1/reviews/${reviewId}`, viewerToken), params({ id: reviewId })));
      return (review.answers as { answeredBy: unknown }[])[0]?.answeredBy;
    };
    expect(await answeredBy(await apiTokenFor(reader))).toEqual({ name: editor.name, email: null });
    expect(await answeredBy(await apiTokenFor(admin))).toEqual({ name: editor.name, email: editor.email });
  });

  it("gives a viewer and an editor the review JSON without any e-mail address, and an admin with them", async () => {
    const { token, reviewId, editor } = await world();
    const waived = "health.readiness-probe";
    expect((await answer(reviewId, token, { status: "MET" }, { "if-none-match": "*" })).status).toBe(201);
    const evidence = await addEvidence(
      req("POST", `/api/v1/reviews/${reviewId}/answers/${ITEM}/evidence`, token, {
        body: { url: "https://grafana.example/d/1", title: "Board", kind: "DASHBOARD" },
      }),
      params({ id: reviewId, itemKey: ITEM }),
    );
    expect(evidence.status).toBe(201);
    expect((await answer(reviewId, token, { status: "NOT_MET" }, { "if-none-match": "*" }, waived)).status).toBe(201);
    // Waivers have no API endpoint; the team asks and an outside approver approves through lib/db, as the pages do.
    const approver = await createViewer("APPROVER", [(await createTeam("api-approvers")).id]);
    const waiver = await requestWaiver(
      ctxOf(editor),
      reviewId,
      waived,
      waiverRequestInput.parse({ reason: "r", compensatingControl: "c", riskOwner: "CTO", expiresOn: addDays(todayUtc(), 30) }),
    );
    await approveWaiver(ctxOf(approver), reviewId, waiver.id);

    const reviewText = async (viewer: Viewer) => {
      const response = await getReview(
        req("GET", `/api/v1/reviews/${reviewId}`, await apiTokenFor(viewer, "READ")),
        params({ id: reviewId }),
      );
      expect(response.status).toBe(200);
      return response.text();
    };
    const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
    const outsideEditor = await createViewer("EDITOR", [(await createTeam("api-outside")).id]);
    for (const reader of [await createViewer("VIEWER", []), outsideEditor, editor]) {
      const text = await reviewText(reader);
      expect(text).not.toMatch(address);
      const review = JSON.parse(text) as { answers: { evidence: { createdBy: unknown }[] }[]; waivers: Record<string, unknown>[] };
      expect(review.answers.flatMap((a) => a.evidence.map((e) => e.createdBy))).toEqual([{ name: editor.name, email: null }]);
      expect(review.waivers[0]).toMatchObject({
        requestedBy: { name: editor.name, email: null },
        approvedBy: { name: approver.name, email: null },
      });
    }
    const forAdmin = await reviewText(await createViewer("ADMIN", []));
    expect(forAdmin).toContain(editor.email);
    expect(forAdmin).toContain(approver.email);
    const review = JSON.parse(forAdmin) as { waivers: Record<string, unknown>[] };
    expect(review.waivers[0]).toMatchObject({ requestedBy: { email: editor.email }, approvedBy: { email: approver.email } });
  });

  it("answers a four-eyes refusal with a 403 that gives the reason", async () => {
    const { reviewId, editor } = await world();
    const admin = await createViewer("ADMIN", []);
    await setAnswer(ctxOf(admin), reviewId, ITEM, setAnswerInput.parse({ status: "MET", expectedVersion: null }));
    const { version } = await submitReview(ctxOf(editor), reviewId, 1);
    // The API has no decision endpoint; this is the response its handler gives any refusal lib/db throws.
    const refusal = await decideReview(ctxOf(admin), reviewId, decisionInput.parse({ decision: "NO_GO", expectedVersion: version })).then(
      () => null,
      (error: unknown) => error,
    );
    const response = toApiResponse(refusal, "req-four-eyes");
    expect(response.status).toBe(403);
    expect((await body(response)).error).toEqual({
      code: "FORBIDDEN",
      message: "You answered items in this review, so someone else must decide it.",
      reason: "FOUR_EYES",
    });
  });
});
