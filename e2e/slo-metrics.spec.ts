import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startPrivateServer, stopPrivateServer, type PrivateServer } from "./support/private-server";

// The SLO rules and the dashboard are only as good as the metric names they use: a production server (demo mode
// off, /metrics behind METRICS_TOKEN) must export every one of them, and its real output must pass promtool's lint.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const METRICS_TOKEN = "slo-metrics-token-0123456789abcdef";
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 4011);
let server: PrivateServer | undefined;

test.beforeAll(async () => {
  server = await startPrivateServer("slo", {
    SHIPSHAPE_DEMO_MODE: "false",
    OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
    OIDC_CLIENT_ID: "shipshape-e2e",
    OIDC_CLIENT_SECRET: "e2e-client-secret",
    METRICS_TOKEN,
  });
});

test.afterAll(async () => {
  await stopPrivateServer(server);
});

async function scrape(): Promise<string> {
  const response = await fetch(`${server?.baseURL}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** Metric families the exposition declares, with the sample names a histogram adds. */
function exportedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (!name) continue;
    names.add(name);
    if (type === "histogram") for (const suffix of ["_bucket", "_count", "_sum"]) names.add(`${name}${suffix}`);
  }
  return names;
}

// `up` is written by Prometheus itself for every scrape, never by the target.
const PROMETHEUS_SERIES = new Set(["up"]);

function namedMetrics(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const names = new Set([...text.matchAll(/\b(shipshape_[a-z0-9_]+)\b/g)].map((m) => m[1] as string));
  if (/\bup\{/.test(text)) names.add("up");
  return [...names].sort();
}

test("/metrics of a production server needs METRICS_TOKEN", async () => {
  const anonymous = await fetch(`${server?.baseURL}/metrics`);
  expect(anonymous.status).toBe(401);
  const wrong = await fetch(`${server?.baseURL}/metrics`, { headers: { Authorization: "Bearer not-the-token" } });
  expect(wrong.status).toBe(401);
});

test("promtool check metrics accepts the real /metrics output", async () => {
  const base = server?.baseURL ?? "";
  // Traffic of several kinds first, so the histogram, refusals-free 4xx and database series are all present.
  for (const path of ["/livez", "/readyz", "/signin", "/services", "/api/v1/services", "/no-such-page"]) {
    const response = await fetch(`${base}${path}`, {
      redirect: "manual",
      headers: { Authorization: "Bearer ss_not_a_real_token" },
    });
    await response.arrayBuffer();
  }
  // A request is observed when its response closes, which may come a moment after the client has read it.
  let exposition = "";
  await expect.poll(async () => (exposition = await scrape()), { timeout: 10_000 }).toContain('route="/api/v1/services"');
  const result = spawnSync("promtool", ["check", "metrics"], { input: exposition, encoding: "utf8" });
  expect(result.error, "promtool is needed (Debian: apt-get install prometheus)").toBeUndefined();
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.status).toBe(0);
});

test("every metric the alerting rules and the Grafana dashboard name is exported", async () => {
  const exported = exportedNames(await scrape());
  for (const file of ["ops/prometheus/shipshape-rules.yml", "ops/grafana/shipshape.json"]) {
    const named = namedMetrics(file);
    expect(named.length, file).toBeGreaterThan(3);
    const missing = named.filter((name) => !exported.has(name) && !PROMETHEUS_SERIES.has(name));
    expect(missing, `${file} names metrics /metrics does not export`).toEqual([]);
  }
  for (const name of ["shipshape_database_pool_connections", "shipshape_database_pool_waiting", "shipshape_http_max_concurrency"]) {
    expect(exported.has(name), name).toBe(true);
  }
});
