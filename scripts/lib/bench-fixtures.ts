// What `npm run bench` needs in the database: a bench user who can sign in and edit one team's
// reviews, an API token for it, the service whose page is measured, and fresh drafts whose
// unanswered items the answer-save run creates (one request per (review, item), so no two requests
// ever race for the same answer).
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Pool } from "pg";
import { BenchError } from "./bench-server";

export const BENCH_EMAIL = "bench@bench.shipshape.invalid";

export type SavePair = { reviewId: string; itemKey: string };
export type BenchFixtures = {
  userId: string;
  /** The one team the bench user is an editor of. */
  teamId: string;
  email: string;
  password: string;
  token: string;
  serviceSlug: string;
  serviceId: string;
  draftIds: string[];
  pairs: SavePair[];
};

type Picked = { id: string; slug: string; team_id: string };

export async function prepareFixtures(pool: Pool, drafts: number): Promise<BenchFixtures> {
  // The measured service page: the service with the longest decided history (what makes that page heavy).
  const picked = await pool.query<Picked>(
    `SELECT s.id, s.slug, s.team_id FROM services s
     JOIN (SELECT service_id, count(*) AS n FROM reviews WHERE status = 'DECIDED' GROUP BY service_id) c ON c.service_id = s.id
     ORDER BY c.n DESC, s.slug LIMIT 1`,
  );
  const service = picked.rows[0];
  if (!service) throw new BenchError("No service has a decided review: seed the database first (npm run db:seed:scale).");
  const template = await pool.query<{ id: string }>(
    "SELECT id FROM checklist_templates WHERE key = 'default' ORDER BY version DESC LIMIT 1",
  );
  const templateId = template.rows[0]?.id;
  if (!templateId) throw new BenchError("The default checklist template is missing: run npm run db:migrate.");

  const password = randomBytes(18).toString("base64url");
  const user = await pool.query<{ id: string }>(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Bench editor', 'EDITOR', $2)
     ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = 'EDITOR', disabled_at = NULL, updated_at = now()
     RETURNING id`,
    [BENCH_EMAIL, await bcrypt.hash(password, 10)],
  );
  const userId = (user.rows[0] as { id: string }).id;
  // Editor of exactly the measured service's team: the common case for saving answers.
  await pool.query("DELETE FROM memberships WHERE user_id = $1", [userId]);
  await pool.query("INSERT INTO memberships (user_id, team_id) VALUES ($1, $2)", [userId, service.team_id]);
  await removeBenchDrafts(pool, userId);
  await pool.query("DELETE FROM api_tokens WHERE user_id = $1", [userId]);

  const token = `ss_${randomBytes(24).toString("base64url")}`;
  // A write token that lives only as long as a bench run needs.
  await pool.query(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, scope, expires_at)
     VALUES ($1, 'bench', $2, $3, 'WRITE', now() + interval '1 day')`,
    [userId, createHash("sha256").update(token).digest("hex"), token.slice(0, 7)],
  );

  const created = await pool.query<{ id: string }>(
    `INSERT INTO reviews (service_id, template_id, trigger, status, target_date, started_by_id)
     SELECT s.id, $2, 'QUARTERLY', 'DRAFT', current_date + 14, $3 FROM services s
     WHERE s.team_id = $1 AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.service_id = s.id AND r.status IN ('DRAFT', 'SUBMITTED'))
     ORDER BY s.slug LIMIT $4
     RETURNING id`,
    [service.team_id, templateId, userId, drafts],
  );
  const draftIds = created.rows.map((r) => r.id);
  if (draftIds.length === 0) throw new BenchError("The bench team has no service without an open review to draft on.");
  // Each draft starts with one answer (the first applicable item), like a review someone began.
  await pool.query(
    `INSERT INTO answers (review_id, item_id, status, note, answered_by_id)
     SELECT DISTINCT ON (r.id) r.id, i.id, 'NOT_MET', 'bench setup', $2
     FROM reviews r JOIN services s ON s.id = r.service_id
     JOIN checklist_items i ON i.template_id = r.template_id AND s.tier = ANY (i.tiers)
     WHERE r.id = ANY ($1::uuid[]) ORDER BY r.id, i.position`,
    [draftIds, userId],
  );
  // Item-major order spreads consecutive requests over different reviews.
  const pairs = await pool.query<{ review_id: string; key: string }>(
    `SELECT r.id AS review_id, i.key FROM reviews r JOIN services s ON s.id = r.service_id
     JOIN checklist_items i ON i.template_id = r.template_id AND s.tier = ANY (i.tiers)
     WHERE r.id = ANY ($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.review_id = r.id AND a.item_id = i.id)
     ORDER BY i.position, r.id`,
    [draftIds],
  );
  return {
    userId,
    teamId: service.team_id,
    email: BENCH_EMAIL,
    password,
    token,
    serviceSlug: service.slug,
    serviceId: service.id,
    draftIds,
    pairs: pairs.rows.map((p) => ({ reviewId: p.review_id, itemKey: p.key })),
  };
}

/** The bench's drafts are scaffolding: remove them (answers cascade) so they never skew later runs. */
export async function removeBenchDrafts(pool: Pool, userId: string): Promise<void> {
  await pool.query("DELETE FROM reviews WHERE started_by_id = $1 AND status = 'DRAFT'", [userId]);
}

/** How many bench answers the save run really stored (should equal its 2xx count). */
export async function countSavedAnswers(pool: Pool, draftIds: readonly string[]): Promise<number> {
  const result = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM answers WHERE review_id = ANY ($1::uuid[]) AND note = 'bench'",
    [draftIds],
  );
  return Number(result.rows[0]?.n ?? 0);
}
