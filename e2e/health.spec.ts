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

  test("/metrics labels requests by route template, and unknown paths share one label", async ({ request }) => {
    const unmatched = async () =>
      (await (await request.get("/metrics")).text())
        .split("\n")
        .filter((l) => l.startsWith("shipshape_http_request_duration_seconds_count{"));
    await request.get("/services/some-service-that-does-not-exist", { maxRedirects: 0 });
    await request.get("/api/v1/reviews/00000000-0000-4000-8000-000000000000");
    // Signed out, unknown pages redirect to sign-in; the API answers 404: both statuses seen once first.
    for (const path of ["/warm-up-unknown", "/api/v1/warm-up-unknown"]) await request.get(path, { maxRedirects: 0 });
    const before = await unmatched();
    expect(before.some((l) => l.includes('route="/services/[slug]"'))).toBe(true);
    expect(before.some((l) => l.includes('route="/api/v1/reviews/[id]"'))).toBe(true);
    expect(before.some((l) => l.includes("some-service-that-does-not-exist"))).toBe(false);

    const marker = `probe${Date.now()}`;
    for (let i = 0; i < 500; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          request.get(`/${marker}-${i + j}/${Math.random().toString(36).slice(2)}`, { maxRedirects: 0 }),
        ),
      );
    }
    const after = await unmatched();
    expect(after.filter((l) => l.includes(marker))).toEqual([]);
    const series = (lines: string[]) => lines.filter((l) => l.includes('route="(unmatched)"')).map((l) => l.replace(/ [\d.e+-]+$/, ""));
    expect(series(after)).toEqual(series(before));
  });
});
