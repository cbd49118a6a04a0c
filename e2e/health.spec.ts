import { expect, test } from "@playwright/test";

test.describe("operability endpoints", () => {
  test("/livez answers without touching the database", async ({ request }) => {
    const response = await request.get("/livez");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("/readyz is ready when the database answers and migrations are applied", async ({ request }) => {
    const response = await request.get("/readyz");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { status: string; database: { ok: boolean; responseTimeMs: number } };
    expect(body.status).toBe("ready");
    expect(body.database.ok).toBe(true);
    expect(body.database.responseTimeMs).toBeGreaterThanOrEqual(0);
  });

  test("/healthz speaks application/health+json with the database response time", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/health+json");
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string; observedValue: number; observedUnit: string }[]>;
    };
    expect(body.status).toBe("pass");
    const db = body.checks["postgres:responseTime"]?.[0];
    expect(db?.status).toBe("pass");
    expect(db?.observedUnit).toBe("ms");
    expect(typeof db?.observedValue).toBe("number");
  });

  test("every response carries a request id, and a given one is kept", async ({ request }) => {
    const generated = await request.get("/livez");
    expect(generated.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request.get("/livez", { headers: { "X-Request-Id": "trace-abc.123" } });
    expect(kept.headers()["x-request-id"]).toBe("trace-abc.123");
  });

  test("/metrics exposes Prometheus metrics including request durations", async ({ request }) => {
    await request.get("/livez");
    const response = await request.get("/metrics");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toContain("shipshape_http_request_duration_seconds_bucket");
    expect(text).toMatch(/shipshape_database_up \d/);
  });
});
