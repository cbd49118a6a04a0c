import { randomBytes } from "node:crypto";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { createPool } from "@/lib/db/pool";
import { getLatestTemplateId, getTemplate, installDefaultTemplate, type TemplateDto } from "@/lib/db/templates";
import type { AnswerMap } from "@/lib/domain/maturity";
import { summarizeEvaluation } from "@/lib/domain/summary";
import type { AnswerStatus, Tier, Verdict } from "@/lib/domain/types";
import { evaluateReview, isDecisionAllowed } from "@/lib/domain/verdict";
import type { WaiverInput, WaiverStatus } from "@/lib/domain/waivers";
import { SeedRefusedError, seedScale, type SeedScaleResult } from "@/scripts/lib/seed-scale";
import { updateServicePointersSql, updateSummariesSql } from "@/scripts/lib/seed-scale-summary";
import { isoDay } from "@/lib/domain/days";

// The scale seed computes levels, verdicts and counts in SQL; this cross-checks every seeded review
// against the engine the app decides with. The database is shared with other tests, so each seed
// gets its own slug prefix and is removed afterwards.

type ReviewRow = {
  id: string;
  service_id: string;
  tier: Tier;
  status: string;
  decided_at: Date | null;
  level: number | null;
  level_without_waivers: number | null;
  target_level: number | null;
  computed_verdict: Verdict | null;
  decision: Verdict | null;
  applicable_count: number | null;
  met_count: number | null;
  na_count: number | null;
  waived_count: number | null;
  partial_count: number | null;
  not_met_count: number | null;
  unanswered_count: number | null;
  open_blocker_count: number | null;
};

let pool: Pool;
let template: TemplateDto;
const prefixes: string[] = [];

beforeAll(async () => {
  await installDefaultTemplate();
  const id = await getLatestTemplateId();
  const loaded = id ? await getTemplate(id) : null;
  if (!loaded) throw new Error("default template missing");
  template = loaded;
  pool = createPool({ connectionString: process.env.DATABASE_URL ?? "", max: 2, statementTimeoutMs: 120_000 });
});

afterAll(async () => {
  for (const prefix of prefixes) {
    await pool.query("DELETE FROM services WHERE starts_with(slug, $1)", [prefix]);
    await pool.query("DELETE FROM teams WHERE starts_with(slug, $1)", [prefix]);
    await pool.query("DELETE FROM users WHERE starts_with(email, $1) AND email LIKE '%@scale.shipshape.invalid'", [`${prefix}team-`]);
  }
  await pool.end();
  await closeDb();
});

async function seed(options: { services: number; reviews: number; waiverEvery: number }): Promise<SeedScaleResult> {
  const prefix = `t${randomBytes(4).toString("hex")}-`;
  prefixes.push(prefix);
  // No ANALYZE / VACUUM FULL: the rows are few, and maintaining a shared database is not this test's business.
  return seedScale(pool, { ...options, prefix, draftPercent: 20, maintenance: false });
}

async function loadSeeded(prefix: string) {
  const reviews = await pool.query<ReviewRow>(
    `SELECT r.*, s.tier FROM reviews r JOIN services s ON s.id = r.service_id WHERE starts_with(s.slug, $1) ORDER BY r.decided_at`,
    [prefix],
  );
  const ids = reviews.rows.map((r) => r.id);
  const answers = await pool.query<{ review_id: string; key: string; status: AnswerStatus; na_reason: string | null }>(
    "SELECT a.review_id, i.key, a.status, a.na_reason FROM answers a JOIN checklist_items i ON i.id = a.item_id WHERE a.review_id = ANY($1::uuid[])",
    [ids],
  );
  const waivers = await pool.query<{ review_id: string; key: string; expires_on: string; status: WaiverStatus }>(
    `SELECT w.review_id, i.key, to_char(w.expires_on, 'YYYY-MM-DD') AS expires_on, w.status
     FROM waivers w JOIN checklist_items i ON i.id = w.item_id WHERE w.review_id = ANY($1::uuid[])`,
    [ids],
  );
  const services = await pool.query<{
    id: string;
    last_review_id: string | null;
    current_level: number | null;
    current_verdict: Verdict | null;
    open_blockers: number;
  }>("SELECT id, last_review_id, current_level, current_verdict, open_blockers FROM services WHERE starts_with(slug, $1)", [prefix]);
  return { reviews: reviews.rows, answers: answers.rows, waivers: waivers.rows, services: services.rows };
}

async function expectMatchesEngine(result: SeedScaleResult, expected: { services: number; reviews: number; complete?: boolean }) {
  const seeded = await loadSeeded(result.prefix);
  const decided = seeded.reviews.filter((r) => r.status === "DECIDED");
  expect(seeded.services).toHaveLength(expected.services);
  expect(decided).toHaveLength(expected.services * expected.reviews);

  const applicable = (tier: Tier) => template.items.filter((item) => item.tiers.includes(tier));
  const answersOf = (reviewId: string) => seeded.answers.filter((a) => a.review_id === reviewId);
  if (expected.complete ?? true) {
    const decidedAnswers = decided.reduce((sum, r) => sum + answersOf(r.id).length, 0);
    expect(decidedAnswers).toBe(decided.reduce((sum, r) => sum + applicable(r.tier).length, 0));
  }

  for (const review of decided) {
    const answers: AnswerMap = Object.fromEntries(answersOf(review.id).map((a) => [a.key, { status: a.status, naReason: a.na_reason }]));
    const waivers: WaiverInput[] = seeded.waivers
      .filter((w) => w.review_id === review.id)
      .map((w) => ({ itemKey: w.key, expiresOn: w.expires_on, status: w.status }));
    const today = isoDay(review.decided_at as Date);
    const evaluation = evaluateReview({ items: template.items, tier: review.tier, answers, waivers, today, tierTargets: result.targets });
    const summary = summarizeEvaluation(evaluation);
    expect({ id: review.id, ...pick(review) }).toEqual({
      id: review.id,
      level: evaluation.level,
      level_without_waivers: evaluation.levelWithoutWaivers,
      target_level: evaluation.target,
      computed_verdict: evaluation.verdict,
      applicable_count: summary.applicableCount,
      met_count: summary.metCount,
      na_count: summary.naCount,
      waived_count: summary.waivedCount,
      partial_count: summary.partialCount,
      not_met_count: summary.notMetCount,
      unanswered_count: summary.unansweredCount,
      open_blocker_count: summary.openBlockerCount,
    });
    expect(isDecisionAllowed(evaluation.verdict, review.decision as Verdict)).toBe(true);
  }

  for (const service of seeded.services) {
    const latest = decided.filter((r) => r.service_id === service.id).at(-1);
    expect(service.last_review_id).toBe(latest?.id);
    expect(service.current_level).toBe(latest?.level);
    expect(service.current_verdict).toBe(latest?.decision);
    expect(service.open_blockers).toBe(latest?.open_blocker_count);
  }
  return { seeded, decided };
}

function pick(r: ReviewRow) {
  const { level, level_without_waivers, target_level, computed_verdict, applicable_count, met_count, na_count, waived_count } = r;
  const { partial_count, not_met_count, unanswered_count, open_blocker_count } = r;
  return {
    level,
    level_without_waivers,
    target_level,
    computed_verdict,
    applicable_count,
    met_count,
    na_count,
    waived_count,
    partial_count,
    not_met_count,
    unanswered_count,
    open_blocker_count,
  };
}

describe("seedScale", () => {
  it("writes every applicable answer and the summary the engine computes (no waivers)", async () => {
    const result = await seed({ services: 20, reviews: 3, waiverEvery: 0 });
    const { seeded, decided } = await expectMatchesEngine(result, { services: 20, reviews: 3 });
    expect(seeded.waivers).toHaveLength(0);
    // Statuses must exercise every rule the SQL mirrors, not just MET.
    expect(new Set(seeded.answers.map((a) => a.status))).toEqual(new Set(["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"]));
    expect(decided.every((r) => r.decided_at !== null)).toBe(true);
  });

  it("counts approved waivers active on decision day like the engine does", async () => {
    const result = await seed({ services: 60, reviews: 2, waiverEvery: 1 });
    const { seeded, decided } = await expectMatchesEngine(result, { services: 60, reviews: 2 });
    expect(seeded.waivers.length).toBeGreaterThan(0);
    expect(decided.reduce((sum, r) => sum + (r.waived_count ?? 0), 0)).toBe(seeded.waivers.length);
  });

  it("treats missing answers (waived or not) and N/A without a reason as unanswered, like the engine", async () => {
    const result = await seed({ services: 30, reviews: 2, waiverEvery: 1 });
    const scope =
      "SELECT r.id FROM reviews r JOIN services s ON s.id = r.service_id WHERE starts_with(s.slug, $1) AND r.status = 'DECIDED'";
    // Remove every waived item's answer, a seventh of the rest, and blank some N/A reasons; then recompute.
    await pool.query(
      `DELETE FROM answers a USING waivers w WHERE a.review_id = w.review_id AND a.item_id = w.item_id AND w.review_id IN (${scope})`,
      [result.prefix],
    );
    await pool.query(`DELETE FROM answers WHERE review_id IN (${scope}) AND (hashtext(id::text) & 7) = 0`, [result.prefix]);
    await pool.query(
      `UPDATE answers SET na_reason = '  ' WHERE review_id IN (${scope}) AND status = 'NOT_APPLICABLE' AND (hashtext(id::text) & 1) = 0`,
      [result.prefix],
    );
    await pool.query(updateSummariesSql(result.plan, 1, result.plan.services));
    await pool.query(updateServicePointersSql(result.plan));
    const { decided } = await expectMatchesEngine(result, { services: 30, reviews: 2, complete: false });
    expect(decided.some((r) => (r.unanswered_count ?? 0) > 0)).toBe(true);
    expect(decided.some((r) => (r.waived_count ?? 0) > 0)).toBe(true);
  });

  it("refuses to seed over services with the same prefix unless forced", async () => {
    const first = await seed({ services: 1, reviews: 1, waiverEvery: 0 });
    await expect(seedScale(pool, { services: 1, reviews: 1, prefix: first.prefix, maintenance: false })).rejects.toBeInstanceOf(
      SeedRefusedError,
    );
  });
});
