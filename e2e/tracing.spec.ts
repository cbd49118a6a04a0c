import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Pool } from "pg";
import { createTeam, createUser, type TestUser } from "./support/db";
import { signIn } from "./support/fixtures";
import { isDescendantOf, SPAN_KIND, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "./support/otlp-receiver";
import { startPrivateServer, stopPrivateServer, type PrivateServer } from "./support/private-server";

// With an OTLP endpoint configured, a signed-in page request becomes one trace that reaches the database, the
// request's log line names that trace, and a server action has a span with its queries below it. The receiver is a
// real OTLP/HTTP endpoint on loopback; the server is the production build behind `npm start`'s HTTP front.

test.describe.configure({ mode: "serial", timeout: 120_000 });

let receiver: OtlpReceiver | undefined;
let server: PrivateServer | undefined;
let user: TestUser;

test.beforeAll(async () => {
  receiver = await startOtlpReceiver();
  server = await startPrivateServer(
    "tracing",
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_SERVICE_NAME: "shipshape-e2e",
      // Export within moments instead of the default 5 s batch delay.
      OTEL_BSP_SCHEDULE_DELAY: "100",
      LOG_LEVEL: "info",
    },
    { captureLogs: true },
  );
  const pool = new Pool({ connectionString: server.database.url, max: 1 });
  user = await createUser("EDITOR", [await createTeam(undefined, pool)], pool);
  await pool.end();
});

test.afterAll(async () => {
  await stopPrivateServer(server);
  await receiver?.close();
});

const isDatabaseSpan = (span: ReceivedSpan) =>
  span.attributes["db.system"] === "postgresql" || span.attributes["db.system.name"] === "postgresql";

test("a signed-in page request is one trace from the server span down to its queries, and its log line names it", async ({ page }) => {
  if (!server || !receiver) throw new Error("not started");
  const { baseURL } = server;
  await signIn(page, user, "/services", baseURL);
  const cookie = (await page.context().cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");

  const requestId = `trace-e2e-${randomUUID()}`;
  // A one-time code and state in the query, as on an OAuth callback: their values must never be exported.
  const secrets = [`code-${randomUUID()}`, `state-${randomUUID()}`];
  const response = await fetch(`${baseURL}/services?code=${secrets[0]}&state=${secrets[1]}`, {
    headers: { cookie, "x-request-id": requestId, accept: "text/html" },
  });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("Services");

  const spans = receiver.spans;
  let serverSpan: ReceivedSpan | undefined;
  await expect
    .poll(() => (serverSpan = spans.find((s) => s.kind === SPAN_KIND.server && s.attributes["shipshape.request_id"] === requestId)), {
      timeout: 15_000,
    })
    .toBeTruthy();
  if (!serverSpan) throw new Error("no server span");
  const root = serverSpan;
  expect(root.parentSpanId).toBeNull();
  expect(root.name).toBe("GET /services");
  expect(root.attributes["http.route"]).toBe("/services");
  expect(root.resource["service.name"]).toBe("shipshape-e2e");

  // The queries arrive in the same batch or the next: wait until the trace holds them.
  const inTrace = () => spans.filter((s) => s.traceId === root.traceId);
  await expect.poll(() => inTrace().filter(isDatabaseSpan).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const queries = inTrace().filter(isDatabaseSpan);
  for (const query of queries) expect(isDescendantOf(query, root, spans), `${query.name} under the request`).toBe(true);
  expect(queries.some((q) => q.kind === SPAN_KIND.client && /SELECT/.test(String(q.attributes["db.query.text"])))).toBe(true);
  // Next.js's own rendering spans join the same trace below the server span.
  expect(inTrace().some((s) => s.scope === "next.js" && isDescendantOf(s, root, spans))).toBe(true);
  const exported = JSON.stringify(inTrace());
  for (const secret of secrets) expect(exported, "a query secret in the exported spans").not.toContain(secret);

  const requestLine = server.logs
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg?: string; requestId?: string; trace_id?: string; span_id?: string })
    .find((entry) => entry.msg === "request" && entry.requestId === requestId);
  expect(requestLine?.trace_id).toBe(root.traceId);
});

test("a server action has a span of its own in the trace, with its queries below it", async ({ page }) => {
  if (!server || !receiver) throw new Error("not started");
  const { baseURL } = server;
  await signIn(page, user, "/settings/tokens", baseURL);
  await page.getByLabel("Token name").fill("traced");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("Your new token")).not.toHaveValue("");

  const spans = receiver.spans;
  let action: ReceivedSpan | undefined;
  await expect.poll(() => (action = spans.find((s) => s.name === "action createApiToken")), { timeout: 15_000 }).toBeTruthy();
  if (!action) throw new Error("no action span");
  const actionSpan = action;
  expect(actionSpan.attributes["shipshape.action.outcome"]).toBe("ok");
  // The POST that carried the action is the trace's root, named by its route.
  let request: ReceivedSpan | undefined;
  await expect
    .poll(() => (request = spans.find((s) => s.traceId === actionSpan.traceId && s.kind === SPAN_KIND.server && s.parentSpanId === null)), {
      timeout: 15_000,
    })
    .toBeTruthy();
  expect(request?.name).toBe("POST /settings/tokens");
  expect(request && isDescendantOf(actionSpan, request, spans)).toBe(true);
  // Prisma's insert through @prisma/adapter-pg and lib/db's own SQL (the audit row) both sit below the action.
  const below = () =>
    spans.filter((s) => isDatabaseSpan(s) && isDescendantOf(s, actionSpan, spans)).map((s) => String(s.attributes["db.query.text"]));
  await expect.poll(() => below().some((sql) => sql.startsWith('INSERT INTO "public"."api_tokens"')), { timeout: 15_000 }).toBe(true);
  expect(below().some((sql) => /INSERT INTO audit_events/.test(sql))).toBe(true);
});
