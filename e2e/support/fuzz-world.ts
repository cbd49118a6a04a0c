import { createHash, randomBytes } from "node:crypto";
import { createService, createTeam, createUser, sql, type TestTeam } from "./db";
import { draftReviewWithAnswers } from "./review-data";
import { concernConfirmationTag } from "../../lib/domain/carry-forward";
import { insertDecidedReview, latestTemplate } from "./reviews";

// What the API fuzzer aims at: an editor with an API token, their team's service with an open draft review
// (half its items answered, some with evidence), a decided review of the same team, and another team's draft
// review with evidence. Everything the fuzzer may touch belongs to these two teams or this editor, so the
// stored-row counts below cannot be moved by tests running alongside.

export type FuzzWorld = {
  token: string;
  userId: string;
  /** The editor's address: a valid assignee of the draft's concerns. */
  userEmail: string;
  teams: TestTeam[];
  serviceSlug: string;
  otherServiceSlug: string;
  draftReviewId: string;
  decidedReviewId: string;
  otherReviewId: string;
  answeredKeys: string[];
  /** Concern keys of the draft review's template. */
  concernKeys: string[];
  unansweredKeys: string[];
  evidenceIds: string[];
  otherEvidenceId: string;
};

/** An API token for the user, stored the way the app stores one: only its SHA-256 hash. */
export async function createApiToken(userId: string): Promise<string> {
  const token = `ss_${randomBytes(24).toString("base64url")}`;
  await sql().query(
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, scope, expires_at) VALUES ($1, 'fuzz', $2, $3, 'WRITE', now() + interval '1 day')",
    [userId, createHash("sha256").update(token).digest("hex"), token.slice(0, 7)],
  );
  return token;
}

/** An evidence link on the answer to `itemKey` in the review; returns its id. */
export async function insertEvidence(reviewId: string, itemKey: string): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO evidence (answer_id, url, title, kind)
     SELECT a.id, 'https://dashboards.example/fuzz', 'Fuzz dashboard', 'DASHBOARD'
     FROM answers a JOIN checklist_items i ON i.id = a.item_id WHERE a.review_id = $1 AND i.key = $2
     RETURNING id`,
    [reviewId, itemKey],
  );
  if (!rows[0]) throw new Error(`No answer to ${itemKey} in review ${reviewId}`);
  return rows[0].id;
}

export async function createFuzzWorld(): Promise<FuzzWorld> {
  const template = await latestTemplate();
  const keys = template.items.filter((item) => item.tiers.includes(3)).map((item) => item.key);
  const unansweredKeys = keys.filter((_, index) => index % 2 === 1);
  const answeredKeys = keys.filter((_, index) => index % 2 === 0);

  const [team, otherTeam] = await Promise.all([createTeam(), createTeam()]);
  const [editor, otherEditor] = await Promise.all([createUser("EDITOR", [team]), createUser("EDITOR", [otherTeam])]);
  const [service, decidedService, otherService] = await Promise.all([
    createService(team, { tier: 3 }),
    createService(team, { tier: 3 }),
    createService(otherTeam, { tier: 3 }),
  ]);
  const draftReviewId = await draftReviewWithAnswers(service.id, editor.id, 3, unansweredKeys);
  const otherReviewId = await draftReviewWithAnswers(otherService.id, otherEditor.id, 3);
  const decidedReviewId = await insertDecidedReview(template, { serviceId: decidedService.id, tier: 3, decidedAt: new Date() });
  // The draft's answers were carried from the decided review, so confirming them (one or a concern at a time) can succeed.
  await sql().query("UPDATE answers SET carried_from_review_id = $2 WHERE review_id = $1", [draftReviewId, decidedReviewId]);
  const evidenceIds: string[] = [];
  for (const key of answeredKeys.slice(0, 6)) evidenceIds.push(await insertEvidence(draftReviewId, key));

  return {
    token: await createApiToken(editor.id),
    userId: editor.id,
    userEmail: editor.email,
    teams: [team, otherTeam],
    serviceSlug: service.slug,
    otherServiceSlug: otherService.slug,
    draftReviewId,
    decidedReviewId,
    otherReviewId,
    answeredKeys,
    concernKeys: [...new Set(template.items.map((item) => item.concernKey))],
    unansweredKeys,
    evidenceIds,
    otherEvidenceId: await insertEvidence(otherReviewId, keys[0]!),
  };
}

/** A new service of the editor's team with no review yet, so starting one can succeed. */
export async function createFreshService(world: FuzzWorld): Promise<string> {
  return (await createService(world.teams[0]!, { tier: 3 })).slug;
}

export type StoredCounts = Record<
  "reviews" | "answers" | "answerVersions" | "evidence" | "waivers" | "assignmentVersions" | "checkResults" | "auditEvents",
  number
>;

/**
 * Everything the mutating endpoints can write, scoped to the world's teams and editor. Answer versions are summed so
 * an overwritten answer shows even though the row count stays; every write also leaves an audit event by its actor.
 */
export async function storedCounts(world: FuzzWorld): Promise<StoredCounts> {
  const { rows } = await sql().query<Record<string, string>>(
    `WITH r AS (SELECT r.id FROM reviews r JOIN services s ON s.id = r.service_id WHERE s.team_id = ANY($1::uuid[])),
          a AS (SELECT a.id, a.version FROM answers a WHERE a.review_id IN (SELECT id FROM r))
     SELECT (SELECT count(*) FROM r) AS reviews,
            (SELECT count(*) FROM a) AS answers,
            (SELECT coalesce(sum(version), 0) FROM a) AS "answerVersions",
            (SELECT count(*) FROM evidence WHERE answer_id IN (SELECT id FROM a)) AS evidence,
            (SELECT count(*) FROM waivers WHERE review_id IN (SELECT id FROM r)) AS waivers,
            (SELECT coalesce(sum(version), 0) FROM concern_assignments WHERE review_id IN (SELECT id FROM r)) AS "assignmentVersions",
            (SELECT count(*) FROM check_results c JOIN services s ON s.id = c.service_id WHERE s.team_id = ANY($1::uuid[])) AS "checkResults",
            (SELECT count(*) FROM audit_events WHERE actor_id = $2 OR team_id = ANY($1::uuid[])) AS "auditEvents"`,
    [world.teams.map((team) => team.id), world.userId],
  );
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as StoredCounts;
}

/** The current version of an answer, or 0 when the item is unanswered. */
export async function answerVersion(reviewId: string, itemKey: string): Promise<number> {
  const { rows } = await sql().query<{ version: number }>(
    `SELECT a.version FROM answers a JOIN checklist_items i ON i.id = a.item_id WHERE a.review_id = $1 AND i.key = $2`,
    [reviewId, itemKey],
  );
  return rows[0]?.version ?? 0;
}

/** The version of a concern's assignment, or 0 when nobody has assigned or started it. */
export async function assignmentVersion(reviewId: string, concernKey: string): Promise<number> {
  const { rows } = await sql().query<{ version: number }>(
    "SELECT version FROM concern_assignments WHERE review_id = $1 AND concern_key = $2",
    [reviewId, concernKey],
  );
  return rows[0]?.version ?? 0;
}

/** The tag of a concern's carried answers in the review, as GET /api/v1/reviews/{id} reports it. */
/** The tag over a concern's carried answers, or over the whole review's when `concernKey` is null. */
export async function concernTag(reviewId: string, concernKey: string | null): Promise<string> {
  const { rows } = await sql().query<{ version: number }>(
    `SELECT a.version FROM answers a
     JOIN checklist_items i ON i.id = a.item_id JOIN concerns c ON c.id = i.concern_id
     JOIN reviews r ON r.id = a.review_id JOIN services s ON s.id = r.service_id
     WHERE a.review_id = $1 AND ($2::text IS NULL OR c.key = $2) AND a.carried_from_review_id IS NOT NULL AND s.tier = ANY(i.tiers)
     ORDER BY i.position`,
    [reviewId, concernKey],
  );
  return concernConfirmationTag(rows.map((row) => row.version));
}
