import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/embedded-postgres";
import { metricsAccess, serveMetrics, startMetricsListener, type MetricsAccess } from "@/lib/server/metrics-endpoint";

const production = {
  NODE_ENV: "production",
  SHIPSHAPE_DEMO_MODE: false,
  METRICS_TOKEN: undefined,
  METRICS_HOST: "127.0.0.1",
  METRICS_PORT: undefined,
} as const;

describe("metricsAccess", () => {
  it.each([
    [production, { mode: "refused" }],
    [{ ...production, SHIPSHAPE_DEMO_MODE: true }, { mode: "open" }],
    [{ ...production, NODE_ENV: "development" }, { mode: "open" }],
    [
      { ...production, METRICS_TOKEN: "t0ken" },
      { mode: "token", token: "t0ken" },
    ],
    [
      { ...production, METRICS_PORT: 9464 },
      { mode: "separate", host: "127.0.0.1", port: 9464, token: undefined },
    ],
  ] as const)("%j → %j", (config, expected) => {
    expect(metricsAccess(config)).toEqual(expected);
  });
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The application port's /metrics as the HTTP front serves it. */
async function appPort(access: MetricsAccess): Promise<string> {
  const server = http.createServer((req, res) => void serveMetrics(req, res, access));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

describe("/metrics", () => {
  it("is refused in production without a token or a port of its own", async () => {
    const response = await fetch(await appPort(metricsAccess(production)));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("METRICS_TOKEN");
  });

  it("needs the bearer token when one is set", async () => {
    const url = await appPort(metricsAccess({ ...production, METRICS_TOKEN: "s3cret-token" }));
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: "Bearer wrong-token!" } })).status).toBe(401);
    const response = await fetch(url, { headers: { authorization: "Bearer s3cret-token" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("shipshape_http_request_duration_seconds");
  });

  it("is served only on its own listener when METRICS_PORT is set", async () => {
    const port = await freePort();
    const access = metricsAccess({ ...production, METRICS_PORT: port });
    const close = await startMetricsListener(access);
    if (close) closers.push(close);
    expect((await fetch(await appPort(access))).status).toBe(404);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("shipshape_database_up");
    expect((await fetch(`http://127.0.0.1:${port}/services`)).status).toBe(404);
  });
});
