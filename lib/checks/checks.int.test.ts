import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getChecks, POST as postChecks } from "@/app/api/v1/services/[slug]/checks/route";
import { apiRequest, apiTokenFor, createApiWorld, readJson, routeParams } from "@/lib/api/api-test-support";
import { checkEvidenceLinks } from "@/lib/checks/link-health";
import { runProbes } from "@/lib/checks/run-probes";
import { latestCheckResults, removeCheckBinding, saveCheckBinding } from "@/lib/db/checks";
import { db } from "@/lib/db/client";
import { createViewer, ctxOf } from "@/lib/db/review-test-fixtures";
import { parseAllowlist } from "@/lib/net/outbound";
import { checkBindingInput } from "@/lib/schemas/checks";

// Automated checks against real parts on loopback: a probe target that goes up and down, evidence links that live
// and die, and results a pipeline pushes through the real route handler.

const HEALTH_ITEM = "health.healthz-endpoint";
const CI_ITEM = "testing.unit-integration-e2e-coverage";

let target: Server;
let base = "";
let mode: "pass" | "warn" | "down" | "plain" = "pass";

beforeAll(async () => {
  target = createServer((req, res) => {
    if (req.url === "/healthz") {
      if (mode === "down") return res.writeHead(503).end("unavailable");
      if (mode === "plain") return res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return res.writeHead(200, { "content-type": "application/health+json" }).end(JSON.stringify({ status: mode }));
    }
    if (req.url === "/alive") return res.writeHead(200).end("here");
    if (req.url === "/login") return res.writeHead(401).end();
    if (req.url === "/moved") return res.writeHead(301, { location: "https://elsewhere.example/page" }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

const loopback = parseAllowlist("127.0.0.1");

describe("HTTP probes", () => {
  it("record the health URL's answer for every item bound to a probe, as it goes up and down", async () => {
    const admin = await createViewer("ADMIN");
    const world = await createApiWorld("probes");
    await db().service.update({ where: { id: world.service.id }, data: { healthUrl: `${base}/healthz` } });
    await saveCheckBinding(
      ctxOf(admin),
      checkBindingInput.parse({ itemKey: HEALTH_ITEM, kind: "HTTP_PROBE", validForMinutes: "60", timeoutMs: "1000" }),
    );
    try {
      const latest = async () => (await latestCheckResults(world.service.id)).get(HEALTH_ITEM);
      const states: [typeof mode, string, RegExp][] = [
        ["pass", "PASSING", /health status "pass"/],
        ["warn", "WARNING", /health status "warn"/],
        ["down", "FAILING", /^HTTP 503 in \d+ ms$/],
        ["plain", "PASSING", /^HTTP 200 in \d+ ms$/],
      ];
      for (const [state, status, summary] of states) {
        mode = state;
        const round = await runProbes(loopback);
        expect(round.services).toBeGreaterThanOrEqual(1);
        expect(await latest(), state).toMatchObject({ source: "HTTP_PROBE", status, isFresh: true, detailsUrl: `${base}/healthz` });
        expect((await latest())?.summary, state).toMatch(summary);
      }
      // Without the allowlist a loopback address is refused, and the item fails with the reason.
      await runProbes(parseAllowlist(""));
      expect(await latest()).toMatchObject({ status: "FAILING", summary: expect.stringMatching(/OUTBOUND_ALLOWLIST/) });
      const result = await latest();
      expect(result && result.validUntil.getTime() - result.observedAt.getTime()).toBe(60 * 60_000);
    } finally {
      await removeCheckBinding(ctxOf(admin), HEALTH_ITEM);
      await db().service.update({ where: { id: world.service.id }, data: { healthUrl: null } });
    }
  });

  it("binding is for admins, to known items, with field errors", async () => {
    const editor = await createViewer("EDITOR");
    const refused = await saveCheckBinding(ctxOf(editor), checkBindingInput.parse({ itemKey: HEALTH_ITEM, kind: "CI" })).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    const admin = await createViewer("ADMIN");
    const unknown = await saveCheckBinding(ctxOf(admin), checkBindingInput.parse({ itemKey: "no.such-item", kind: "CI" })).catch(
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { itemKey: [expect.stringMatching(/no\.such-item/)] } } });
    expect(checkBindingInput.safeParse({ itemKey: HEALTH_ITEM, kind: "HTTP_PROBE", timeoutMs: "50" }).error?.issues[0]?.message).toBe(
      "At least 100 ms",
    );
  });
});

describe("POST /api/v1/services/{slug}/checks", () => {
  it("records many results at once for the owning team, all or none, and serves the latest per item", async () => {
    const world = await createApiWorld("ci-checks");
    const slug = world.service.slug;
    const post = (token: string, body: unknown) =>
      postChecks(apiRequest("POST", `/api/v1/services/${slug}/checks`, token, { body }), routeParams({ slug }));
    const results = [
      { itemKey: CI_ITEM, status: "PASSING", summary: "812 tests", detailsUrl: "https://ci.example.com/runs/1" },
      { itemKey: HEALTH_ITEM, status: "FAILING", validForMinutes: 30 },
    ];

    const created = await post(world.token, { results });
    expect(created.status).toBe(201);
    expect(await readJson(created)).toEqual({ recorded: 2 });

    const listed = await readJson<{ items: { itemKey: string; status: string; fresh: boolean; recordedBy: string | null }[] }>(
      await getChecks(apiRequest("GET", `/api/v1/services/${slug}/checks`, world.outsiderToken), routeParams({ slug })),
    );
    expect(listed.items.map((i) => [i.itemKey, i.status, i.fresh])).toEqual([
      [HEALTH_ITEM, "FAILING", true],
      [CI_ITEM, "PASSING", true],
    ]);
    expect(listed.items[0]?.recordedBy).toBe(world.editor.name);
    const audit = await db().auditEvent.findFirst({ where: { action: "check.results.recorded", serviceId: world.service.id } });
    expect(audit?.actorEmail).toBe(world.editor.email);

    // Nothing of a batch with one bad result is kept, and the error names it.
    const bad = await post(world.token, { results: [results[0], { itemKey: "no.such-item", status: "PASSING" }] });
    expect(bad.status).toBe(422);
    expect((await readJson<{ error: { fields: Record<string, string[]> } }>(bad)).error.fields).toHaveProperty(["results.1.itemKey"]);
    expect(await db().checkResult.count({ where: { serviceId: world.service.id } })).toBe(2);

    for (const [body, field] of [
      [{ results: [{ itemKey: CI_ITEM, status: "GREEN" }] }, "results.0.status"],
      [{ results: [{ itemKey: CI_ITEM, status: "PASSING", observedAt: "2999-01-01T00:00:00Z" }] }, "results.0.observedAt"],
      [{ results: [{ itemKey: CI_ITEM, status: "PASSING", detailsUrl: "javascript:alert(1)" }] }, "results.0.detailsUrl"],
      [{ results: [] }, "results"],
      [{ results: [{ itemKey: CI_ITEM, status: "PASSING", extra: 1 }] }, "results.0"],
    ] as const) {
      const response = await post(world.token, body);
      expect(response.status, field).toBe(422);
      expect(Object.keys((await readJson<{ error: { fields: Record<string, string[]> } }>(response)).error.fields), field).toContain(field);
    }
    expect((await post(world.outsiderToken, { results })).status).toBe(403);
    expect((await post(await apiTokenFor(world.editor, "READ"), { results })).status).toBe(403);
  });
});

describe("evidence link health", () => {
  it("flags dead links and keeps live ones, including those behind a login or a redirect elsewhere", async () => {
    const world = await createApiWorld("links");
    const review = await db().review.create({
      data: {
        serviceId: world.service.id,
        templateId: (await db().checklistTemplate.findFirstOrThrow({ select: { id: true } })).id,
        trigger: "QUARTERLY",
      },
      select: { id: true, templateId: true },
    });
    const item = await db().checklistItem.findFirstOrThrow({ where: { templateId: review.templateId }, select: { id: true } });
    const answer = await db().answer.create({
      data: { reviewId: review.id, itemId: item.id, status: "MET", answeredById: world.editor.id },
      select: { id: true },
    });
    const paths = ["/alive", "/gone", "/login", "/moved"];
    for (const path of paths) await db().evidence.create({ data: { answerId: answer.id, url: `${base}${path}`, title: path } });

    // Links other tests left behind count as just checked, so the round visits these four.
    await db().evidence.updateMany({ where: { answerId: { not: answer.id } }, data: { linkCheckedAt: new Date() } });
    const round = { limit: 100, timeoutMs: 1000, recheckAfterMs: 3_600_000 };
    expect(await checkEvidenceLinks(loopback, round)).toEqual({ checked: 4, dead: 1, unchecked: 0 });
    const rows = await db().evidence.findMany({
      where: { answerId: answer.id },
      select: { title: true, linkHealth: true, linkProblem: true, linkCheckedAt: true },
    });
    const byPath = Object.fromEntries(rows.map((row) => [row.title, row]));
    expect(byPath["/alive"]).toMatchObject({ linkHealth: "OK", linkProblem: null });
    expect(byPath["/gone"]).toMatchObject({ linkHealth: "DEAD", linkProblem: "HTTP 404: the page is gone" });
    expect(byPath["/login"]).toMatchObject({ linkHealth: "OK" });
    expect(byPath["/moved"]).toMatchObject({ linkHealth: "OK", linkProblem: expect.stringMatching(/another host/) });
    expect(rows.every((row) => row.linkCheckedAt !== null)).toBe(true);

    // A private address is not visited without the allowlist: not judged, and it says why.
    await db().evidence.updateMany({ where: { answerId: answer.id }, data: { linkCheckedAt: null } });
    expect(await checkEvidenceLinks(parseAllowlist(""), round)).toEqual({ checked: 4, dead: 0, unchecked: 4 });
    const alive = await db().evidence.findFirstOrThrow({
      where: { answerId: answer.id, title: "/alive" },
      select: { linkHealth: true, linkProblem: true },
    });
    expect(alive).toMatchObject({ linkHealth: null, linkProblem: expect.stringMatching(/^Not checked: .*OUTBOUND_ALLOWLIST/) });
  });
});
