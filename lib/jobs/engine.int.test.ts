import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { JOB_SCHEMA } from "@/lib/db/job-schema";
import { defineJob, type AnyJobDefinition } from "@/lib/jobs/define";
import { startJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { metrics } from "@/lib/observability/metrics";

// The engine against the real pg-boss schema that db:migrate installed, as the runtime role: retries, failures
// that keep their message, payloads refused before the handler, and a graceful stop that lets a job finish.

const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const engines: JobEngine[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop(5000)));
});
afterAll(() => db.end());

type Row = { state: string; retry_count: number; output: { message?: string; attempt?: number } | null };

async function jobRow(id: string): Promise<Row | undefined> {
  const { rows } = await db.query<Row>(`SELECT state::text, retry_count, output FROM ${JOB_SCHEMA}.job WHERE id = $1`, [id]);
  return rows[0];
}

async function waitForState(id: string, states: string[], timeoutMs = 20_000): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRow(id);
    if (row && states.includes(row.state)) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${row?.state ?? "missing"}, not ${states.join(" or ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function start(...registry: AnyJobDefinition[]): Promise<JobEngine> {
  const engine = await startJobEngine({
    databaseUrl: process.env.DATABASE_URL ?? "",
    work: true,
    registry,
    instanceName: "test",
    pollingIntervalSeconds: 0.5,
  });
  engines.push(engine);
  return engine;
}

const uniqueName = (what: string) => `test-${what}-${randomUUID().slice(0, 8)}`;
const runs = async (job: string, outcome: string) =>
  (await metrics().jobRuns.get()).values.find((v) => v.labels.job === job && v.labels.outcome === outcome)?.value ?? 0;

describe("the job engine", () => {
  it("retries a failed attempt and completes the job on the next", async () => {
    const seen: number[] = [];
    const flaky = defineJob({
      name: uniqueName("flaky"),
      description: "Fails its first attempt.",
      payload: z.object({ n: z.number() }),
      retry: { retries: 2, delaySeconds: 1, backoff: false },
      timeoutSeconds: 30,
      async handler({ n }, { attempt }) {
        seen.push(attempt);
        if (attempt === 1) throw new Error(`first attempt of ${n} fails`);
        return { attempt };
      },
    });
    const engine = await start(flaky);
    const id = await engine.send(flaky.name, { n: 7 });
    const row = await waitForState(id ?? "", ["completed", "failed"]);
    expect(row).toMatchObject({ state: "completed", retry_count: 1, output: { attempt: 2 } });
    expect(seen).toEqual([1, 2]);
    expect(await runs(flaky.name, "failed")).toBe(1);
    expect(await runs(flaky.name, "completed")).toBe(1);
  });

  it("fails a job for good once its retries are spent, keeping the error message", async () => {
    const broken = defineJob({
      name: uniqueName("broken"),
      description: "Always fails.",
      payload: z.object({}),
      retry: { retries: 1, delaySeconds: 1, backoff: true },
      timeoutSeconds: 30,
      async handler() {
        throw new Error("the upstream answered 502");
      },
    });
    const engine = await start(broken);
    const id = await engine.send(broken.name);
    const row = await waitForState(id ?? "", ["failed"]);
    expect(row.retry_count).toBe(1);
    expect(row.output?.message).toBe("the upstream answered 502");
    expect(await runs(broken.name, "failed")).toBe(2);
  });

  it("refuses a payload its schema rejects: on send, and at once without retries when one arrives anyway", async () => {
    let called = false;
    const strict = defineJob({
      name: uniqueName("strict"),
      description: "Takes a count.",
      payload: z.object({ count: z.number().int() }).strict(),
      retry: { retries: 3, delaySeconds: 1, backoff: false },
      timeoutSeconds: 30,
      async handler() {
        called = true;
      },
    });
    const engine = await start(strict);
    await expect(engine.send(strict.name, { count: "many" })).rejects.toThrow(/count/);
    // A producer that skips the schema (an older release, SQL by hand) still cannot reach the handler.
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO ${JOB_SCHEMA}.job (name, data, retry_limit) VALUES ($1, $2, 3) RETURNING id`,
      [strict.name, { count: "many" }],
    );
    const row = await waitForState(rows[0]?.id ?? "", ["failed"]);
    expect(row.retry_count).toBe(0);
    expect(row.output?.message).toMatch(/^Invalid payload: .*count/);
    expect(called).toBe(false);
    expect(await runs(strict.name, "invalid")).toBe(1);
  });

  it("lets a running job finish when stopped gracefully, and hands back one that outlives the grace period", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = defineJob({
      name: uniqueName("slow"),
      description: "Takes a while.",
      payload: z.object({ wait: z.enum(["gate", "forever"]) }),
      retry: { retries: 2, delaySeconds: 60, backoff: false },
      timeoutSeconds: 120,
      async handler({ wait }, { signal }) {
        if (wait === "gate") await gate;
        else await new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("stopped")), { once: true }));
        return { wait };
      },
    });
    const first = await start(slow);
    const finishing = (await first.send(slow.name, { wait: "gate" })) ?? "";
    await waitForState(finishing, ["active"]);
    engines.splice(engines.indexOf(first), 1);
    const stopped = first.stop(10_000);
    setTimeout(release, 500);
    await stopped;
    expect((await jobRow(finishing))?.state).toBe("completed");

    const second = await start(slow);
    const stuck = (await second.send(slow.name, { wait: "forever" })) ?? "";
    await waitForState(stuck, ["active"]);
    engines.splice(engines.indexOf(second), 1);
    const before = Date.now();
    await second.stop(1000);
    expect(Date.now() - before).toBeLessThan(8000);
    // Failed back to the queue with attempts left, so another worker picks it up later.
    expect((await jobRow(stuck))?.state).toBe("retry");
  });
});
