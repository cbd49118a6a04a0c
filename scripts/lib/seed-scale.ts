// Scale seed: teams, people, N services and R decided reviews each with every applicable answer, all
// written by set-based INSERT … SELECT statements (never row by row from Node), one transaction per
// phase and worker (seed-scale-runner.ts), answers in chunks of services so no statement holds more
// than ~1.2 M rows.
// Used by `npm run db:seed:scale` (scripts/seed-scale.ts) and lib/db/seed-scale.int.test.ts.

import { randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { defaultTierTargets, parseTierTargets, type TierTargets } from "@/lib/domain/targets";
import * as rows from "./seed-scale-rows";
import { runPhase, type PhaseTask } from "./seed-scale-runner";
import { updateServicePointersSql, updateSummariesSql } from "./seed-scale-summary";
import type { SeedPlan } from "./seed-scale-sql";

export type SeedScaleOptions = {
  services: number;
  reviews: number;
  /** Default: 40, fewer for tiny seeds (at least 2, so approvers always come from another team). */
  teams?: number;
  /** Slug prefix for teams and services ("" or lowercase words each followed by "-"); emails carry it too. */
  prefix?: string;
  /** Seed even though services with this prefix exist (slugs must still be free). */
  force?: boolean;
  /** Services per answers statement. */
  chunk?: number;
  /** Connections loading answers and summaries in parallel (the pool must allow as many). Default 2. */
  workers?: number;
  /** Waive one gap on every n-th recently reviewed service; 0 for none. Default 25 (~3 % of services). */
  waiverEvery?: number;
  /** Percentage of services with an open draft. Default 5. */
  draftPercent?: number;
  /**
   * ANALYZE after loading and VACUUM FULL reviews and services at the end (default true). Tiny seeds into
   * a shared database (tests) skip it: it is not their business, and VACUUM FULL locks those tables.
   */
  maintenance?: boolean;
  now?: Date;
  log?: (line: string) => void;
};

export type PhaseTiming = { phase: string; rows: number; ms: number };
export type SeedScaleResult = {
  run: string;
  prefix: string;
  targets: TierTargets;
  /** Everything the statements were generated from, so a caller can rerun one (tests recompute summaries). */
  plan: SeedPlan;
  phases: PhaseTiming[];
  rows: Record<string, number>;
  totalMs: number;
};

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedRefusedError";
  }
}

const PREFIX = /^(?:[a-z0-9]+-){0,4}$/;

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

async function loadPlan(pool: Pool, options: SeedScaleOptions): Promise<SeedPlan> {
  const prefix = options.prefix ?? "";
  if (!PREFIX.test(prefix) || prefix.length > 24)
    throw new RangeError(`prefix must look like "load-" (lowercase words each followed by "-"), got "${prefix}"`);
  const services = checkInt("services", options.services, 1, 1_000_000);
  const template = await pool.query<{ id: string }>(
    "SELECT id FROM checklist_templates WHERE key = 'default' ORDER BY version DESC LIMIT 1",
  );
  const templateId = template.rows[0]?.id;
  if (!templateId) throw new SeedRefusedError("The default checklist template is not installed: run `npm run db:migrate` first.");
  // The same tier → target mapping the app decides with (settings key "tierTargets").
  const setting = await pool.query<{ value: unknown }>("SELECT value FROM settings WHERE key = 'tierTargets'");
  const parsed = setting.rows[0] ? parseTierTargets(setting.rows[0].value) : null;
  return {
    run: randomBytes(4).toString("hex"),
    prefix,
    services,
    reviews: checkInt("reviews", options.reviews, 1, 1000),
    teams: checkInt("teams", options.teams ?? Math.min(40, Math.max(2, Math.ceil(services / 5))), 2, 10_000),
    templateId,
    now: (options.now ?? new Date()).toISOString(),
    targets: parsed?.ok ? parsed.value : defaultTierTargets,
    waiverEvery: checkInt("waiverEvery", options.waiverEvery ?? 25, 0, 1_000_000),
    draftPercent: checkInt("draftPercent", options.draftPercent ?? 5, 0, 100),
  };
}

async function assertEmpty(pool: Pool, plan: SeedPlan, force: boolean): Promise<void> {
  const existing = await pool.query<{ n: string }>("SELECT count(*) AS n FROM services WHERE starts_with(slug, $1)", [plan.prefix]);
  const n = Number(existing.rows[0]?.n ?? 0);
  if (n > 0 && !force) {
    const scope = plan.prefix ? ` with the slug prefix "${plan.prefix}"` : "";
    throw new SeedRefusedError(
      `The database already holds ${n} service(s)${scope}; refusing to seed over them (pass --force to add anyway).`,
    );
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function seedScale(pool: Pool, options: SeedScaleOptions): Promise<SeedScaleResult> {
  const log = options.log ?? (() => undefined);
  const plan = await loadPlan(pool, options);
  await assertEmpty(pool, plan, options.force ?? false);
  const chunk = checkInt("chunk", options.chunk ?? 1000, 1, 100_000);
  const workers = checkInt("workers", options.workers ?? 2, 1, 16);
  const started = Date.now();
  const phases: PhaseTiming[] = [];
  const tally: Record<string, number> = {};

  async function phase(name: string, tasks: PhaseTask[], how: { workers?: number; progress?: boolean } = {}) {
    const t0 = Date.now();
    let phaseRows = 0;
    let done = 0;
    await runPhase(pool, tasks, how.workers ?? 1, (task, n) => {
      phaseRows += n;
      if (task.table) tally[task.table] = (tally[task.table] ?? 0) + n;
      done += 1;
      if (how.progress && tasks.length > 1)
        log(`  ${name} ${done}/${tasks.length} chunks, ${phaseRows.toLocaleString("en-US")} rows, ${seconds(Date.now() - t0)}`);
    });
    const ms = Date.now() - t0;
    phases.push({ phase: name, rows: phaseRows, ms });
    log(`${name.padEnd(10)} ${phaseRows.toLocaleString("en-US").padStart(12)} rows  ${seconds(ms)}`);
  }
  const chunks = (make: (lo: number, hi: number) => string, table?: string): PhaseTask[] => {
    const tasks: PhaseTask[] = [];
    for (let lo = 1; lo <= plan.services; lo += chunk) tasks.push({ sql: make(lo, Math.min(plan.services, lo + chunk - 1)), table });
    return tasks;
  };

  log(
    `run ${plan.run}: ${plan.services} services × ${plan.reviews} reviews, ${plan.teams} teams, prefix "${plan.prefix}", ${workers} workers`,
  );
  await phase("people", [
    { sql: rows.insertTeamsSql(plan), table: "teams" },
    { sql: rows.insertUsersSql(plan), table: "users" },
    { sql: rows.insertMembershipsSql(plan), table: "memberships" },
  ]);
  await phase("services", [{ sql: rows.insertServicesSql(plan), table: "services" }]);
  await phase(
    "reviews",
    chunks((lo, hi) => rows.insertDecidedReviewsSql(plan, lo, hi), "reviews"),
  );
  await phase(
    "answers",
    chunks((lo, hi) => rows.insertDecidedAnswersSql(plan, lo, hi), "answers"),
    { workers, progress: true },
  );
  await phase("waivers", [{ sql: rows.insertWaiversSql(plan), table: "waivers" }]);
  // Statistics for the rows just loaded: without them the planner probes answers row by row (minutes per chunk).
  const maintenance = options.maintenance ?? true;
  if (maintenance) await phase("stats", [{ sql: "ANALYZE services, reviews, answers, waivers" }]);
  await phase(
    "summaries",
    chunks((lo, hi) => updateSummariesSql(plan, lo, hi)),
    { workers, progress: true },
  );
  await phase("latest", [{ sql: updateServicePointersSql(plan) }]);
  await phase("drafts", [
    { sql: rows.insertDraftReviewsSql(plan), table: "draft reviews" },
    { sql: rows.insertDraftAnswersSql(plan), table: "answers" },
  ]);
  if (maintenance) {
    // The summary and pointer UPDATEs left an old version of every review and service row behind; a
    // production table has no such dead half, so compact both (seconds) and refresh every statistic,
    // so page timings on the seeded database are the ones production would see. VACUUM cannot run in
    // a transaction, hence outside runPhase.
    const t0 = Date.now();
    await pool.query("VACUUM (FULL, ANALYZE) reviews, services");
    await pool.query("ANALYZE teams, users, memberships, answers, waivers");
    phases.push({ phase: "vacuum", rows: 0, ms: Date.now() - t0 });
    log(`${"vacuum".padEnd(10)} ${"".padStart(12)}       ${seconds(Date.now() - t0)}`);
  }

  return { run: plan.run, prefix: plan.prefix, targets: plan.targets, plan, phases, rows: tally, totalMs: Date.now() - started };
}
