// `npm run chaos`: faults under write load, with figures (not a timed test). Starts an embedded Postgres
// and the production server, saves answers through the API with a token from several workers, and on
// a schedule pauses Postgres (SIGSTOP), kills it (SIGKILL), restarts it cleanly, and sends the app
// SIGTERM and then SIGKILL mid-write, restarting each. A write whose outcome the client did not learn
// (a 5xx, a cut connection) is retried with the same body until answered; If-None-Match: * makes the
// retry safe (412 means the first attempt was stored). Prints acknowledged writes against what is
// stored, the longest request and the 5xx by cause. Exit 0 when nothing acknowledged is missing.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Pool } from "pg";
import { createPool } from "@/lib/db/pool";
import { prepareFixtures, type SavePair } from "./lib/bench-fixtures";
import { benchServerEnv, BenchError, ensureBuild } from "./lib/bench-server";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { bin, run, waitForUrl } from "./lib/run";
import { seedScale } from "./lib/seed-scale";

const { values } = parseArgs({
  options: { workers: { type: "string", default: "8" }, rate: { type: "string", default: "30" }, phase: { type: "string", default: "8" } },
});
const WORKERS = Number(values.workers);
// Writes per second over all writers: slow enough that the writes last through every fault.
const RATE = Number(values.rate);
const PHASE_S = Number(values.phase);
const dir = path.resolve(".data", `chaos-pg-${process.pid}`);

type Attempt = { ms: number; outcome: string };
const attempts: Attempt[] = [];
const acknowledged = new Set<string>();
const fivexx = new Map<string, number>();
const failures = new Map<string, number>();
const bump = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + 1);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)}  ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const keyOf = (pair: SavePair) => `${pair.reviewId}/${pair.itemKey}`;

class App {
  child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {}
  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    this.child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "ignore", env: this.env });
    if (!(await waitForUrl(`${this.baseUrl}/livez`, 60_000))) throw new BenchError("the app did not start within 60 s");
  }
  async signal(signal: "SIGTERM" | "SIGKILL") {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  }
}

async function save(app: App, token: string, pair: SavePair): Promise<"acknowledged" | "retry"> {
  const started = performance.now();
  const record = (outcome: string) => attempts.push({ ms: performance.now() - started, outcome });
  try {
    const response = await fetch(`${app.baseUrl}/api/v1/reviews/${pair.reviewId}/answers/${encodeURIComponent(pair.itemKey)}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-none-match": "*" },
      body: JSON.stringify({ status: "MET", note: `chaos ${keyOf(pair)}` }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    record(String(response.status));
    // 201: stored now. 412: an earlier attempt whose answer never reached us was stored.
    if (response.status === 201 || response.status === 412) return "acknowledged";
    if (response.status >= 500) {
      const body = (text.startsWith("{") ? JSON.parse(text) : {}) as { error?: { code?: string; reason?: string } };
      const cause =
        body.error?.reason ?? (body.error?.code === "SERVICE_UNAVAILABLE" ? "database, from the route handler" : body.error?.code);
      bump(fivexx, `${response.status} ${cause ?? "(no JSON body)"}`);
    } else {
      bump(failures, `${response.status} ${text.slice(0, 80)}`);
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    record(cause);
    bump(failures, `no response: ${cause}`);
  }
  return "retry";
}

async function countStored(pool: Pool, pairs: readonly SavePair[]): Promise<{ stored: Set<string>; wrong: number }> {
  const { rows } = await pool.query<{ key: string; note: string | null }>(
    `SELECT a.review_id::text || '/' || i.key AS key, a.note FROM answers a JOIN checklist_items i ON i.id = a.item_id
     WHERE a.review_id = ANY ($1::uuid[]) AND a.note LIKE 'chaos %'`,
    [[...new Set(pairs.map((p) => p.reviewId))]],
  );
  return { stored: new Set(rows.map((r) => r.key)), wrong: rows.filter((r) => r.note !== `chaos ${r.key}`).length };
}

async function main(): Promise<number> {
  let database: EmbeddedDatabase = await startEmbeddedPostgres({ dir, database: "chaos", persistent: true });
  const dbPort = database.port;
  const restartDatabase = async () => {
    database = await startEmbeddedPostgres({ dir, port: dbPort, database: "chaos", persistent: true });
  };
  const setup = createPool({ connectionString: database.url, max: 2, statementTimeoutMs: 120_000 });
  let app: App | undefined;
  try {
    if ((await run(bin("tsx"), ["scripts/migrate.ts"], { ...process.env, DATABASE_URL: database.url })) !== 0) {
      throw new BenchError("npm run db:migrate failed on the chaos database");
    }
    await seedScale(setup, { services: 200, reviews: 1, teams: 2, draftPercent: 0, maintenance: false });
    const fixtures = await prepareFixtures(setup, 40);
    await setup.end();
    const port = await freePort();
    const env = benchServerEnv(database.url, port, "silent");
    await ensureBuild(env);
    app = new App(port, env);
    await app.start();
    const running = app;
    log(`app on ${running.baseUrl}, Postgres on ${dbPort}; ${fixtures.pairs.length} (review, item) pairs, ${WORKERS} writers`);

    const fresh = [...fixtures.pairs];
    const retry: SavePair[] = [];
    let loading = true;
    const writer = async () => {
      for (;;) {
        const pair = retry.shift() ?? (loading ? fresh.shift() : undefined);
        if (!pair) {
          if (!loading) return;
          await sleep(50);
          continue;
        }
        const started = Date.now();
        if ((await save(running, fixtures.token, pair)) === "acknowledged") acknowledged.add(keyOf(pair));
        else retry.push(pair);
        await sleep(Math.max(0, (WORKERS / RATE) * 1000 - (Date.now() - started)));
      }
    };
    const writers = Array.from({ length: WORKERS }, writer);

    const faults: [string, () => Promise<void>][] = [
      [
        "Postgres paused (SIGSTOP) for 5 s",
        async () => {
          database.pause();
          await sleep(5000);
          database.resume();
        },
      ],
      [
        "Postgres killed (SIGKILL), restarted after 2 s",
        async () => {
          await database.kill();
          await sleep(2000);
          await restartDatabase();
        },
      ],
      [
        "Postgres restarted cleanly",
        async () => {
          await database.stop();
          await restartDatabase();
        },
      ],
      [
        "app sent SIGTERM, restarted",
        async () => {
          await running.signal("SIGTERM");
          await running.start();
        },
      ],
      [
        "app sent SIGKILL, restarted",
        async () => {
          await running.signal("SIGKILL");
          await running.start();
        },
      ],
    ];
    for (const [name, fault] of faults) {
      await sleep(PHASE_S * 1000);
      log(`${name}…`);
      const t0 = Date.now();
      await fault();
      log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s; acknowledged so far ${acknowledged.size}`);
    }
    await sleep(PHASE_S * 1000);
    loading = false;
    log("load stopped; retrying writes whose outcome is unknown…");
    await Promise.race([Promise.all(writers), sleep(60_000)]);

    const check = createPool({ connectionString: database.url, max: 1 });
    const { stored, wrong } = await countStored(check, fixtures.pairs);
    await check.end();
    const lost = [...acknowledged].filter((k) => !stored.has(k)).length;
    const unacknowledged = [...stored].filter((k) => !acknowledged.has(k)).length;
    const longest = attempts.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, outcome: "–" });
    const count5xx = [...fivexx.values()].reduce((a, b) => a + b, 0);
    const count500 = [...fivexx].filter(([k]) => k.startsWith("500")).reduce((a, [, n]) => a + n, 0);
    const rows: [string, string][] = [
      ["Requests (attempts)", String(attempts.length)],
      ["Writes acknowledged (201, or 412 on a retry)", String(acknowledged.size)],
      ["Writes stored", String(stored.size)],
      ["Acknowledged but not stored (lost)", String(lost)],
      ["Stored but not acknowledged", String(unacknowledged)],
      ["Stored with a different value", String(wrong)],
      ["Writes still unresolved", String(retry.length)],
      ["Longest request", `${Math.round(longest.ms)} ms (${longest.outcome})`],
      ["5xx", String(count5xx)],
      ...[...fivexx].sort().map(([k, n]): [string, string] => [`  ${k}`, String(n)]),
      ["500", String(count500)],
      ...[...failures].sort().map(([k, n]): [string, string] => [`Other: ${k}`, String(n)]),
    ];
    console.log(`\n| Measure | Value |\n| --- | --- |\n${rows.map(([m, v]) => `| ${m} | ${v} |`).join("\n")}`);
    return lost === 0 && unacknowledged === 0 && wrong === 0 && retry.length === 0 && count500 === 0 ? 0 : 1;
  } finally {
    await app?.signal("SIGTERM").catch(() => undefined);
    database.resume();
    await database.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof BenchError ? 2 : 1);
  },
);
