// `npm run db:seed:scale -- --services 10000 --reviews 20`: a large synthetic portfolio in DATABASE_URL
// for performance work (≈ 60 × reviews × services answers). Refuses a non-empty database unless
// --force, and a non-local one unless --i-know-this-is-not-production. Run `npm run db:migrate` first.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createPool } from "@/lib/db/pool";
import { SeedRefusedError, seedScale } from "./lib/seed-scale";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Local means a loopback host, or a Unix socket given as ?host=/path. */
function isLocalDatabaseUrl(url: string): boolean {
  const parsed = new URL(url);
  const socket = parsed.searchParams.get("host");
  if (!parsed.hostname) return socket?.startsWith("/") ?? false;
  return LOCAL_HOSTS.has(parsed.hostname.toLowerCase()) && (!socket || socket.startsWith("/") || LOCAL_HOSTS.has(socket));
}

const USAGE = `Usage: npm run db:seed:scale -- [--services 10000] [--reviews 20] [--teams 40] [--prefix load-]
         [--chunk 1000] [--workers 2] [--waiver-every 25] [--draft-percent 5] [--force] [--i-know-this-is-not-production]`;

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new RangeError(`--${name} must be a whole number, got "${value}"\n${USAGE}`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      services: { type: "string", default: "10000" },
      reviews: { type: "string", default: "20" },
      teams: { type: "string" },
      prefix: { type: "string" },
      chunk: { type: "string" },
      workers: { type: "string", default: "2" },
      "waiver-every": { type: "string" },
      "draft-percent": { type: "string" },
      force: { type: "boolean", default: false },
      "i-know-this-is-not-production": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: see .env.example");
    process.exit(2);
  }
  if (!isLocalDatabaseUrl(url) && !values["i-know-this-is-not-production"]) {
    console.error(
      `Refusing to seed ${new URL(url).hostname}: it is not localhost. Pass --i-know-this-is-not-production if it really is a scratch database.`,
    );
    process.exit(2);
  }
  const workers = intOption(values.workers, "workers") ?? 2;
  const pool = createPool({
    connectionString: url,
    max: workers + 1,
    statementTimeoutMs: 3_600_000,
    applicationName: "shipshape-seed-scale",
  });
  try {
    let prefix = values.prefix;
    if (prefix === undefined && values.force) {
      // Forced into a database that already has services: a fresh prefix keeps slugs and emails unique.
      const existing = await pool.query<{ n: string }>("SELECT count(*) AS n FROM services");
      if (Number(existing.rows[0]?.n ?? 0) > 0) prefix = `scale-${randomBytes(2).toString("hex")}-`;
    }
    const result = await seedScale(pool, {
      services: intOption(values.services, "services") ?? 10_000,
      reviews: intOption(values.reviews, "reviews") ?? 20,
      teams: intOption(values.teams, "teams"),
      prefix,
      chunk: intOption(values.chunk, "chunk"),
      workers,
      waiverEvery: intOption(values["waiver-every"], "waiver-every"),
      draftPercent: intOption(values["draft-percent"], "draft-percent"),
      force: values.force,
      log: (line) => console.log(`[seed] ${line}`),
    });
    console.log(
      `\nSeeded in ${(result.totalMs / 1000).toFixed(1)} s (run ${result.run}${result.prefix ? `, prefix "${result.prefix}"` : ""}). Rows written:`,
    );
    for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(14)} ${n.toLocaleString("en-US").padStart(12)}`);
    const shape = await pool.query<{ level: number | null; verdict: string | null; n: string; overdue: string }>(
      `SELECT current_level AS level, current_verdict::text AS verdict, count(*) AS n,
         count(*) FILTER (WHERE last_decided_at IS NULL OR last_decided_at < now() - interval '90 days') AS overdue
       FROM services WHERE starts_with(slug, $1) GROUP BY ROLLUP (current_level, current_verdict) ORDER BY 1, 2`,
      [result.prefix],
    );
    console.log("\nServices by current level and verdict (overdue = last decision > 90 days ago):");
    for (const row of shape.rows) {
      const label = row.level === null ? "all" : row.verdict === null ? `L${row.level} total` : `L${row.level} ${row.verdict}`;
      console.log(`  ${label.padEnd(22)} ${row.n.padStart(7)}  overdue ${row.overdue}`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof SeedRefusedError || error instanceof RangeError ? 2 : 1);
});
