// `npm run bench`: response times of the portfolio, the services table and a service page on a
// scale-seeded database (npm run db:seed:scale), each next to the time of its bare SQL (the floor),
// then the answer-save API under a steady load. Prints a Markdown table and writes it to
// bench-results/latest.md. Exit 0 when every target holds, 1 when one does not, 2 on bad setup.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { Client, type Pool } from "pg";
import { benchFloorQueries, type FloorSet } from "@/lib/db/bench-floor";
import { benchDatabase, benchOptions, errorText, runBench } from "./lib/bench-cli";
import { countSavedAnswers, prepareFixtures, removeBenchDrafts, type BenchFixtures } from "./lib/bench-fixtures";
import { pageVerdict, renderReport, saveVerdict, type BenchReport, type PageFigure, type SaveFigure } from "./lib/bench-report";
import { probeSaveApi, runSaveBench } from "./lib/bench-save";
import { assertPortFree, BenchError, getPage, signIn, startServer, type BenchServer } from "./lib/bench-server";
import { ms, sample, type Summary } from "./lib/bench-stats";

const MIN_SERVICES = 1000;

function options() {
  const { runs, duration, ...rest } = benchOptions({
    port: 3200,
    warm: 50,
    runs: 200,
    drafts: 50,
    rate: 30,
    connections: 50,
    duration: 20,
  });
  return { ...rest, runs: Math.max(1, runs), durationS: duration };
}

async function measureFloor(url: string, set: FloorSet, warm: number, runs: number): Promise<Summary> {
  // As many connections as the widest step, opened up front so connecting is never timed.
  const width = Math.max(...set.steps.map((step) => step.length));
  const clients = Array.from({ length: width }, () => new Client({ connectionString: url, application_name: "shipshape-bench-floor" }));
  try {
    await Promise.all(clients.map((client) => client.connect()));
    return await sample(warm, runs, async () => {
      for (const step of set.steps) {
        await Promise.all(step.map((q, i) => (clients[i] as Client).query(q.text, q.values ? [...q.values] : undefined)));
      }
    });
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

async function describeDataset(pool: Pool): Promise<{ services: number; text: string }> {
  const r = await pool.query<{ services: string; decided: string; answers: string; pg: string }>(
    `SELECT (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM reviews WHERE status = 'DECIDED') AS decided,
       (SELECT reltuples::bigint FROM pg_class WHERE oid = 'answers'::regclass) AS answers, current_setting('server_version') AS pg`,
  );
  const row = r.rows[0] as { services: string; decided: string; answers: string; pg: string };
  const n = (v: string) => Number(v).toLocaleString("en-US");
  return {
    services: Number(row.services),
    text: `${n(row.services)} services, ${n(row.decided)} decided reviews, ~${n(row.answers)} answers; PostgreSQL ${row.pg}`,
  };
}

async function main(): Promise<number> {
  const opts = options();
  const { url, pool } = benchDatabase("a scale-seeded database", 120_000);
  let server: BenchServer | undefined;
  let fixtures: BenchFixtures | undefined;
  const onSignal = () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const dataset = await describeDataset(pool);
    if (dataset.services < MIN_SERVICES) {
      console.error(`The database has ${dataset.services} services; the bench needs at least ${MIN_SERVICES}. Seed a scratch database first:
  npm run db:migrate && npm run db:seed:scale -- --services 10000 --reviews 20`);
      return 2;
    }
    console.log(`Dataset: ${dataset.text}`);
    // Fail on a busy port now, not after minutes of floor measurements.
    await assertPortFree(opts.port);
    fixtures = await prepareFixtures(pool, opts.drafts);
    const sets = benchFloorQueries({
      viewerId: fixtures.userId,
      viewerTeamIds: [fixtures.teamId],
      serviceSlug: fixtures.serviceSlug,
      serviceId: fixtures.serviceId,
    });

    const pages: PageFigure[] = [];
    for (const set of sets) {
      const floor = await measureFloor(url, set, opts.warm, opts.runs);
      console.log(`floor  ${set.label.padEnd(34)} p50 ${ms(floor.p50)}  p95 ${ms(floor.p95)}`);
      pages.push({ label: set.label, path: set.path, floor, server: null });
    }

    server = await startServer(url, opts.port);
    const cookies = await signIn(server.baseUrl, fixtures.email, fixtures.password);
    for (const page of pages) {
      const base = server.baseUrl;
      try {
        page.server = await sample(opts.warm, opts.runs, async () => void (await getPage(base, page.path, cookies)));
        console.log(`server ${page.label.padEnd(34)} p50 ${ms(page.server.p50)}  p95 ${ms(page.server.p95)}`);
      } catch (error) {
        page.error = errorText(error);
        console.error(`server ${page.label}: ${page.error}`);
      }
    }

    const save: SaveFigure = { result: null, stored: null, rate: opts.rate, connections: opts.connections, durationS: opts.durationS };
    try {
      const [first, ...rest] = fixtures.pairs;
      if (!first) throw new BenchError("No unanswered items on the bench drafts");
      await probeSaveApi(server.baseUrl, fixtures.token, first);
      console.log(`Answer save: ${opts.rate} req/s over ${opts.connections} connections for ${opts.durationS} s…`);
      save.result = await runSaveBench(server.baseUrl, fixtures.token, rest, opts);
      // autocannon hangs up on requests still in flight when its time is up; let the server finish them
      // before counting what was stored and before asking it to shut down.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // The probe stored one answer too.
      save.stored = (await countSavedAnswers(pool, fixtures.draftIds)) - 1;
    } catch (error) {
      save.error = errorText(error);
      console.error(`answer save: ${save.error}`);
    }

    const report: BenchReport = {
      when: new Date(),
      environment: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      dataset: dataset.text,
      warm: opts.warm,
      runs: opts.runs,
      pages,
      save,
    };
    const markdown = renderReport(report);
    console.log(`\n${markdown}`);
    await mkdir("bench-results", { recursive: true });
    await writeFile("bench-results/latest.md", markdown);
    console.log("Written to bench-results/latest.md");
    const pass = pages.every((p) => !p.error && pageVerdict(p).pass) && saveVerdict(save);
    return pass ? 0 : 1;
  } finally {
    await server?.stop().catch(() => undefined);
    if (fixtures) await removeBenchDrafts(pool, fixtures.userId).catch(() => undefined);
    await pool.end();
  }
}

runBench(main);
