// `npm run bench:tracing`: what tracing costs. Starts the production server twice on the same data — without an
// OTLP endpoint (tracing off, the default) and with one (every span exported as OTLP/protobuf to a sink on
// loopback that accepts and discards it) — signs in, warms up, and sends the same fixed number of signed-in page
// requests with autocannon. Prints p50/p99 and throughput side by side. Needs a seeded DATABASE_URL
// (npm run db:seed:demo) and a build (made when missing).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startTracked } from "./lib/autocannon-tracker";
import { benchDatabase, benchOptions, runBench } from "./lib/bench-cli";
import { prepareFixtures, removeBenchDrafts } from "./lib/bench-fixtures";
import { getPage, signIn, startServer } from "./lib/bench-server";
import { ms, summarize, type Summary } from "./lib/bench-stats";

type Run = { label: string; latency: Summary; perSecond: number; failed: number; exports: number; exportedKiB: number };

/** An OTLP/HTTP endpoint that answers like a collector and keeps only counts. */
async function startSink() {
  let exports = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("end", () => {
      exports += 1;
      res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ exports, exportedKiB: Math.round(bytes / 1024) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function measure(
  label: string,
  opts: ReturnType<typeof options>,
  url: string,
  login: { email: string; password: string },
  env: Record<string, string | undefined>,
) {
  const server = await startServer(url, opts.port, env);
  try {
    const cookies = await signIn(server.baseUrl, login.email, login.password);
    for (let i = 0; i < opts.warm; i++) await getPage(server.baseUrl, opts.path, cookies);
    const latencies: number[] = [];
    const tracker = startTracked({
      url: `${server.baseUrl}${opts.path}`,
      connections: opts.connections,
      amount: opts.requests,
      headers: { cookie: cookies.header(), accept: "text/html" },
    });
    let failed = 0;
    tracker.on("response", (_client, status, _bytes, latency) => {
      if (status === 200) latencies.push(latency);
      else failed += 1;
    });
    const result = await tracker;
    failed += result.errors;
    return { label, latency: summarize(latencies), perSecond: latencies.length / (result.duration || 1), failed };
  } finally {
    await server.stop();
  }
}

function options() {
  return benchOptions({ port: 3202, connections: 4, requests: 400, warm: 50 }, { path: "/services" });
}

async function main(): Promise<number> {
  const opts = options();
  const { url, pool } = benchDatabase("a seeded database (npm run db:seed:demo)");
  // The fixtures' one draft is not used here: only the signed-in bench user is.
  const login = await prepareFixtures(pool, 1);
  await removeBenchDrafts(pool, login.userId);
  await pool.end();
  const sink = await startSink();
  const runs: Run[] = [];
  try {
    // Any OTEL_* of the caller's would blur the comparison: the off run has none, the on run only the sink.
    const clean = Object.fromEntries(
      Object.keys(process.env)
        .filter((k) => k.startsWith("OTEL_"))
        .map((k) => [k, undefined]),
    );
    console.log(`${opts.requests} requests to ${opts.path} over ${opts.connections} connections, after ${opts.warm} warm-up ones…`);
    runs.push({ ...(await measure("Tracing off (no endpoint)", opts, url, login, clean)), exports: 0, exportedKiB: 0 });
    runs.push({
      ...(await measure("Tracing on (OTLP/protobuf to a loopback sink)", opts, url, login, {
        ...clean,
        OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint,
      })),
      ...sink.counts(),
    });
  } finally {
    await sink.close();
  }
  console.log("\n| Run | p50 | p99 | req/s | not 200 | OTLP exports (KiB) |\n| --- | --: | --: | --: | --: | --: |");
  for (const r of runs) {
    console.log(
      `| ${r.label} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${Math.round(r.perSecond)} | ${r.failed} | ${r.exports} (${r.exportedKiB}) |`,
    );
  }
  const [off, on] = runs;
  if (off && on)
    console.log(`\np50 overhead: ${ms(on.latency.p50 - off.latency.p50)} (${Math.round((on.latency.p50 / off.latency.p50 - 1) * 100)} %)`);
  return runs.some((r) => r.failed > 0) ? 1 : 0;
}

runBench(main);
