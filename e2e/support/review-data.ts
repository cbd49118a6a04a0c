import { createService, createTeam, createUser, sql } from "./db";

/** Starts a DRAFT review of the service on the default template and answers every applicable item MET, except `skip`. */
export async function draftReviewWithAnswers(serviceId: string, startedBy: string, tier: 1 | 2 | 3, skip: string[] = []): Promise<string> {
  const { rows: templates } = await sql().query<{ id: string }>(
    "SELECT id FROM checklist_templates WHERE key = 'default' ORDER BY version DESC LIMIT 1",
  );
  const templateId = templates[0]!.id;
  const { rows } = await sql().query<{ id: string }>(
    "INSERT INTO reviews (service_id, template_id, trigger, status, started_by_id) VALUES ($1, $2, 'FIRST_DEPLOY', 'DRAFT', $3) RETURNING id",
    [serviceId, templateId, startedBy],
  );
  const reviewId = rows[0]!.id;
  await sql().query(
    `INSERT INTO answers (review_id, item_id, status, note, answered_by_id)
     SELECT $1, i.id, 'MET', 'Checked in staging', $2 FROM checklist_items i
     WHERE i.template_id = $3 AND $4 = ANY(i.tiers) AND NOT (i.key = ANY($5::text[]))`,
    [reviewId, startedBy, templateId, tier, skip],
  );
  return reviewId;
}

/** Moves a draft to SUBMITTED, as submitting it would, so a test can start at the decision. */
export async function markSubmitted(reviewId: string, submittedBy: string): Promise<void> {
  await sql().query("UPDATE reviews SET status = 'SUBMITTED', submitted_by_id = $2, submitted_at = now() WHERE id = $1", [
    reviewId,
    submittedBy,
  ]);
}

/** A new team with an editor and a tier-3 service, and a draft review of it the editor started and answered (draftReviewWithAnswers). */
export async function teamWithDraftReview(skip: string[] = []) {
  const owners = await createTeam();
  const editor = await createUser("EDITOR", [owners]);
  const service = await createService(owners, { tier: 3 });
  const reviewId = await draftReviewWithAnswers(service.id, editor.id, 3, skip);
  return { owners, editor, service, reviewId };
}
