// `npm run bench:overload`: the production server under far more load than it takes at once —
// autocannon with 200 connections for 20 s on the signed-in portfolio — while /readyz is polled every
// 200 ms. Prints the figures next to their targets: no 500 at all, readiness 200 throughout, and the
// refused requests answered 503 with Retry-After within 100 ms. Needs a seeded DATABASE_URL
// (npm run db:seed:demo, or the scale seed) and a build (made when missing). Exit 0 when every target holds.
import { startTracked } from "./lib/autocannon-tracker";
import { benchDatabase, benchOptions, runBench } from "./lib/bench-cli";
import { prepareFixtures, removeBenchDrafts } from "./lib/bench-fixtures";
import { getPage, signIn, startServer } from "./lib/bench-server";
import { ms, summarize } from "./lib/bench-stats";

function options() {
  const { duration, ...rest } = benchOptions({ port: 3201, connections: 200, duration: 20 }, { path: "/portfolio" });
  return { ...rest, durationS: duration };
}

type Poll = { status: number; ms: number };

async function main(): Promise<number> {
  const opts = options();
  const { url, pool } = benchDatabase("a seeded database (npm run db:seed:demo)");
  const fixtures = await prepareFixtures(pool, 1);
  const server = await startServer(url, opts.port);
  try {
    const cookies = await signIn(server.baseUrl, fixtures.email, fixtures.password);
    for (let i = 0; i < 5; i++) await getPage(server.baseUrl, opts.path, cookies);

    const polls: Poll[] = [];
    let rssMax = 0;
    let polling = true;
    const poller = (async () => {
      for (let tick = 0; polling; tick++) {
        const t0 = performance.now();
        const status = await fetch(`${server.baseUrl}/readyz`).then(
          (r) => r.text().then(() => r.status),
          () => 0,
        );
        polls.push({ status, ms: performance.now() - t0 });
        if (tick % 5 === 0) {
          const text = await fetch(`${server.baseUrl}/metrics`).then(
            (r) => r.text(),
            () => "",
          );
          const rss = Number(/^shipshape_process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? 0);
          rssMax = Math.max(rssMax, rss);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    console.log(`autocannon -c ${opts.connections} -d ${opts.durationS} ${opts.path} (signed in), polling /readyz every 200 ms…`);
    const byStatus = new Map<number, number[]>();
    const tracker = startTracked({
      url: `${server.baseUrl}${opts.path}`,
      connections: opts.connections,
      durationS: opts.durationS,
      headers: { cookie: cookies.header(), accept: "text/html" },
    });
    tracker.on("response", (_client, status, _bytes, latency) => {
      const list = byStatus.get(status) ?? [];
      list.push(latency);
      byStatus.set(status, list);
    });
    const result = await tracker;
    polling = false;
    await poller;

    const count = (status: number) => byStatus.get(status)?.length ?? 0;
    const served = summarize(byStatus.get(200) ?? []);
    const refused = summarize(byStatus.get(503) ?? []);
    const refusedMax = (byStatus.get(503) ?? []).reduce((a, b) => Math.max(a, b), 0);
    const others = [...byStatus].filter(([s]) => s !== 200 && s !== 503 && s !== 500).map(([s, l]) => `${s}×${l.length}`);
    const notReady = polls.filter((p) => p.status !== 200).length;
    const readyMax = Math.max(0, ...polls.map((p) => p.ms));
    const rows: [string, string, string, boolean][] = [
      ["Requests", String(result.requests.total), "—", true],
      ["200", `${count(200)} (p50 ${ms(served.p50)}, p99 ${ms(served.p99)})`, "—", true],
      [
        "503 (refused)",
        `${count(503)} (p50 ${ms(refused.p50)}, p99 ${ms(refused.p99)}, max ${ms(refusedMax)})`,
        "p99 ≤ 100 ms",
        !(refused.p99 > 100),
      ],
      ["500", String(count(500)), "0", count(500) === 0],
      ["Other statuses", others.join(", ") || "none", "none", others.length === 0],
      ["Socket errors / timeouts", `${result.errors} / ${result.timeouts}`, "0 / 0", result.errors === 0 && result.timeouts === 0],
      ["/readyz polls not 200", `${notReady} of ${polls.length} (slowest ${ms(readyMax)})`, "0", notReady === 0 && polls.length > 0],
      ["Server RSS (max)", `${Math.round(rssMax / 2 ** 20)} MiB`, "—", true],
    ];
    const table = [
      "| Measure | Measured | Target | Result |",
      "| --- | --- | --- | --- |",
      ...rows.map(([m, v, t, ok]) => `| ${m} | ${v} | ${t} | ${t === "—" ? "" : ok ? "✅ pass" : "❌ fail"} |`),
    ].join("\n");
    console.log(`\n${table}`);
    return rows.every(([, , , ok]) => ok) ? 0 : 1;
  } finally {
    await server.stop().catch(() => undefined);
    await removeBenchDrafts(pool, fixtures.userId).catch(() => undefined);
    await pool.end();
  }
}

runBench(main);
