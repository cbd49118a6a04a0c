import { buildSnapshot } from "../../lib/domain/snapshot";
import { summarizeEvaluation } from "../../lib/domain/summary";
import type { AnswerStatus, ChecklistItemDef, Level, ReviewTrigger, Tier } from "../../lib/domain/types";
import { evaluateReview } from "../../lib/domain/verdict";
import { sql } from "./db";
import { isoDay } from "../../lib/domain/days";

// Decided reviews written straight into Postgres, shaped as deciding writes them: the verdict and level come
// from the real engine, the snapshot from the real builder, plus summary columns, answer rows, and the
// service pointed at its latest decision. Pages then read exactly what a real decision leaves behind.

export type TemplateItem = ChecklistItemDef & { id: string };
export type Template = { id: string; items: TemplateItem[] };

type ItemRow = { id: string; key: string; concern_key: string; title: string; level: number; is_blocker: boolean; tiers: number[] };

/** The newest installed checklist template (the migration installs the default one). */
export async function latestTemplate(): Promise<Template> {
  const { rows: templates } = await sql().query<{ id: string }>("SELECT id FROM checklist_templates ORDER BY version DESC LIMIT 1");
  const id = templates[0]?.id;
  if (!id) throw new Error("No checklist template installed: run scripts/migrate.ts");
  const { rows } = await sql().query<ItemRow>(
    `SELECT i.id, i.key, c.key AS concern_key, i.title, i.level, i.is_blocker, i.tiers
     FROM checklist_items i JOIN concerns c ON c.id = i.concern_id
     WHERE i.template_id = $1 ORDER BY i.position`,
    [id],
  );
  const items = rows.map((row) => ({
    id: row.id,
    key: row.key,
    concernKey: row.concern_key,
    title: row.title,
    level: row.level as Level,
    isBlocker: row.is_blocker,
    tiers: row.tiers as Tier[],
  }));
  return { id, items };
}

export type EvidenceLink = { url: string; title: string };

export type DecidedReviewInput = {
  serviceId: string;
  tier: Tier;
  decidedAt: Date;
  trigger?: ReviewTrigger;
  /** Answers by item key; every other item of the tier is MET. */
  answers?: Record<string, AnswerStatus>;
  evidence?: Record<string, EvidenceLink[]>;
};

/** Inserts a decided review whose decision is its computed verdict; returns its id. */
export async function insertDecidedReview(template: Template, input: DecidedReviewInput): Promise<string> {
  const day = isoDay(input.decidedAt);
  const applicable = template.items.filter((item) => item.tiers.includes(input.tier));
  const statuses = new Map(applicable.map((item) => [item.key, input.answers?.[item.key] ?? ("MET" as AnswerStatus)]));
  const naReason = (status: AnswerStatus) => (status === "NOT_APPLICABLE" ? "Not used by this service" : null);
  const evaluation = evaluateReview({
    items: template.items,
    tier: input.tier,
    answers: Object.fromEntries([...statuses].map(([key, status]) => [key, { status, naReason: naReason(status) }])),
    waivers: [],
    today: day,
  });
  const snapshot = buildSnapshot({
    takenAt: input.decidedAt,
    today: day,
    evaluation,
    decision: evaluation.verdict,
    decisionNote: "",
    items: template.items,
    answers: [...statuses].map(([itemKey, status]) => ({
      itemKey,
      status,
      note: "",
      naReason: naReason(status),
      answeredByEmail: null,
      answeredAt: input.decidedAt,
      evidence: (input.evidence?.[itemKey] ?? []).map((e) => ({ ...e, kind: "DASHBOARD" as const })),
    })),
    waivers: [],
  });
  const s = summarizeEvaluation(evaluation);
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO reviews (service_id, template_id, trigger, status, created_at, submitted_at, decided_at, decision, computed_verdict,
       level, level_without_waivers, target_level, snapshot, applicable_count, met_count, na_count, waived_count, partial_count,
       not_met_count, unanswered_count, open_blocker_count)
     VALUES ($1, $2, $3, 'DECIDED', $4, $4, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     RETURNING id`,
    [
      input.serviceId,
      template.id,
      input.trigger ?? "QUARTERLY",
      input.decidedAt.toISOString(),
      evaluation.verdict,
      evaluation.level,
      evaluation.levelWithoutWaivers,
      evaluation.target,
      JSON.stringify(snapshot),
      s.applicableCount,
      s.metCount,
      s.naCount,
      s.waivedCount,
      s.partialCount,
      s.notMetCount,
      s.unansweredCount,
      s.openBlockerCount,
    ],
  );
  const reviewId = rows[0]!.id;
  for (const item of applicable) {
    const status = statuses.get(item.key)!;
    const answer = await sql().query<{ id: string }>(
      "INSERT INTO answers (review_id, item_id, status, na_reason, answered_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      [reviewId, item.id, status, naReason(status), input.decidedAt.toISOString()],
    );
    for (const e of input.evidence?.[item.key] ?? []) {
      await sql().query("INSERT INTO evidence (answer_id, url, title, kind) VALUES ($1, $2, $3, 'DASHBOARD')", [
        answer.rows[0]!.id,
        e.url,
        e.title,
      ]);
    }
  }
  await sql().query(
    `UPDATE services s SET last_review_id = r.id, last_decided_at = r.decided_at, current_level = r.level,
       current_verdict = COALESCE(r.decision, r.computed_verdict), open_blockers = COALESCE(r.open_blocker_count, 0)
     FROM (SELECT * FROM reviews WHERE service_id = $1 AND status = 'DECIDED' ORDER BY decided_at DESC LIMIT 1) r
     WHERE s.id = $1`,
    [input.serviceId],
  );
  return reviewId;
}
