import { randomInt } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { FUZZ_ENDPOINTS } from "./support/fuzz-endpoints";
import { describeFailures, runFuzz } from "./support/fuzz-runner";
import { createFuzzWorld } from "./support/fuzz-world";

// Property-based requests against the production server: every mutating /api/v1 endpoint gets FUZZ_RUNS
// (default 1000) requests, valid ones mixed with wrong types, huge and deeply nested bodies, NUL characters,
// broken percent-encoding, hostile URLs, unknown fields, wrong content types and bad preconditions.
// FUZZ_SEED replays a run; the seed of every run is printed with its failures.

function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return Number(value);
}

const RUNS = positiveInteger("FUZZ_RUNS", 1000);

test.describe("API fuzzing", () => {
  test("covers every mutating operation of the OpenAPI document", async ({ request }) => {
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const mutating = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ["post", "put", "patch", "delete"].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const fuzzed = FUZZ_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.template}`);
    expect(mutating.length).toBeGreaterThan(0);
    expect(fuzzed.filter((e) => !e.endsWith("{path}")).sort()).toEqual(mutating.sort());
  });

  for (const endpoint of FUZZ_ENDPOINTS) {
    const name = `${endpoint.method} ${endpoint.template}`;
    test(`${name} never answers 5xx, leaks nothing and stores nothing when it refuses`, async ({ baseURL }, testInfo) => {
      test.setTimeout(150_000);
      const seed = positiveInteger("FUZZ_SEED", randomInt(1, 2 ** 31 - 1));
      const world = await createFuzzWorld();
      const report = await runFuzz(endpoint, world, { baseURL: baseURL!, runs: RUNS, seed });
      const statuses = Object.entries(report.statuses)
        .map(([status, count]) => `${status}×${count}`)
        .join(" ");
      console.log(
        `fuzz ${name}: ${report.runs} runs in ${report.ms} ms, seed ${seed}, statuses ${statuses}, ${report.writes} writes, ${report.failures.length} failed; slowest ${report.slowest.ms} ms: ${report.slowest.classes.join(" + ")} ${report.slowest.request}`,
      );
      const reportPath = testInfo.outputPath("fuzz-report.json");
      await writeFile(reportPath, JSON.stringify(report, null, 2));
      await testInfo.attach("fuzz-report.json", { path: reportPath, contentType: "application/json" });
      const reproduce = `FUZZ_SEED=${seed} FUZZ_RUNS=${RUNS} npx playwright test e2e/api-fuzz.spec.ts -g '${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'`;
      expect(report.failures.length, describeFailures(report, reproduce)).toBe(0);
      // About one request in six is valid and may write; with enough of them, a run in which no write moved
      // the counts means the "nothing stored" check is blind (or no valid request got through).
      if (endpoint.method !== "ANY" && RUNS >= 200) expect(report.writes, "valid requests that stored something").toBeGreaterThan(0);
    });
  }
});
