import { createService, createTeam, createUser, sql, type TestUser } from "./support/db";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { draftReviewWithAnswers } from "./support/review-data";
import { latestTemplate, type TemplateItem } from "./support/reviews";

// One story per review: the level card and the verdict say the same thing, long reason lists collapse behind their
// count, and the history reads as sentences with names.

/** A card of the overview, found by its heading. */
const card = (page: Page, heading: string) =>
  page.locator('[data-print="keep"]').filter({ has: page.getByRole("heading", { name: heading }) });

/** Answers `key` with `status` in a draft review (replacing the MET answer draftReviewWithAnswers gave it). */
async function answer(reviewId: string, item: TemplateItem, status: "NOT_MET" | "PARTIAL", by: TestUser) {
  await sql().query(
    `INSERT INTO answers (review_id, item_id, status, answered_by_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (review_id, item_id) DO UPDATE SET status = EXCLUDED.status`,
    [reviewId, item.id, status, by.id],
  );
}

async function approvedWaiver(reviewId: string, item: TemplateItem, requester: TestUser, approver: TestUser) {
  await sql().query(
    `INSERT INTO waivers (review_id, item_id, reason, compensating_control, risk_owner, expires_on, status, requested_by_id, approved_by_id, approved_at)
     VALUES ($1, $2, 'Migration scheduled next quarter', 'Weekly manual check', 'Head of engineering', current_date + 30, 'APPROVED', $3, $4, now())`,
    [reviewId, item.id, requester.id, approver.id],
  );
}

async function nonBlocker(tier: 1 | 2 | 3, level: number): Promise<TemplateItem> {
  const template = await latestTemplate();
  const found = template.items.find((item) => item.tiers.includes(tier) && !item.isBlocker && item.level === level);
  if (!found) throw new Error(`No non-blocker L${level} item for tier ${tier}`);
  return found;
}

test.describe("the overview tells one story", () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`a review that reaches its target only thanks to a waiver says so on both cards (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const owners = await createTeam();
      const platform = await createTeam();
      const editor = await createUser("EDITOR", [owners]);
      const approver = await createUser("APPROVER", [platform]);
      const service = await createService(owners, { tier: 2 });
      const gap = await nonBlocker(2, 2);
      const reviewId = await draftReviewWithAnswers(service.id, editor.id, 2, [gap.key]);
      await answer(reviewId, gap, "NOT_MET", editor);
      await approvedWaiver(reviewId, gap, editor, approver);

      await signIn(page, editor, `/reviews/${reviewId}`);
      const level = card(page, "Maturity level");
      const verdict = card(page, "Computed verdict");
      await expect(level.getByText("Reaches the target L2 only thanks to waivers (L1 MVP without them).")).toBeVisible();
      await expect(verdict.getByText("Conditional go: target L2 reached only thanks to waivers", { exact: true })).toBeVisible();
      await expect(page.getByText(/below the target/i)).toHaveCount(0);
      await expectAccessible(page);
    });
  }

  test("a target accepted only with partial answers is below the target on both cards, never 'reached'", async ({ page }) => {
    const owners = await createTeam();
    const platform = await createTeam();
    const editor = await createUser("EDITOR", [owners]);
    const approver = await createUser("APPROVER", [platform]);
    const service = await createService(owners, { tier: 1 });
    const waived = await nonBlocker(1, 2);
    const partial = await nonBlocker(1, 3);
    const reviewId = await draftReviewWithAnswers(service.id, editor.id, 1, [waived.key, partial.key]);
    await answer(reviewId, waived, "NOT_MET", editor);
    await approvedWaiver(reviewId, waived, editor, approver);
    await answer(reviewId, partial, "PARTIAL", editor);

    await signIn(page, editor, `/reviews/${reviewId}`);
    await expect(
      page.getByText("Below the target L3 as answered (L2 Stable); the target is accepted only with partial answers."),
    ).toBeVisible();
    await expect(page.getByText("Conditional go: target L3 accepted only with partial answers", { exact: true })).toBeVisible();
    await expect(page.getByText(/is reached/)).toHaveCount(0);
  });

  test("a long list of unanswered items collapses behind its count and opens from the keyboard", async ({ page }) => {
    const owners = await createTeam();
    const editor = await createUser("EDITOR", [owners]);
    const service = await createService(owners, { tier: 1 });
    const template = await latestTemplate();
    const { rows } = await sql().query<{ id: string }>(
      "INSERT INTO reviews (service_id, template_id, trigger, status, started_by_id) VALUES ($1, $2, 'FIRST_DEPLOY', 'DRAFT', $3) RETURNING id",
      [service.id, template.id, editor.id],
    );
    const reviewId = rows[0]!.id;
    const upToTarget = template.items.filter((item) => item.tiers.includes(1) && item.level <= 3);

    await signIn(page, editor, `/reviews/${reviewId}`);
    const verdict = card(page, "Computed verdict");
    const below = verdict.locator("summary", { hasText: `${upToTarget.length} items unanswered` });
    await expect(below).toBeVisible();
    const firstTitle = upToTarget.find((item) => !item.isBlocker)!.title;
    await expect(verdict.getByRole("link", { name: firstTitle, exact: true })).toHaveCount(0);
    await below.focus();
    await page.keyboard.press("Enter");
    await expect(verdict.getByRole("link", { name: firstTitle, exact: true }).first()).toBeVisible();

    const next = card(page, "What the next level still needs");
    await expect(next.locator("summary", { hasText: /items unanswered/ })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("the review's history", () => {
  async function reviewWithHistory() {
    const owners = await createTeam();
    const platform = await createTeam();
    const editor = await createUser("EDITOR", [owners]);
    const approver = await createUser("APPROVER", [platform]);
    const service = await createService(owners, { tier: 3 });
    const reviewId = await draftReviewWithAnswers(service.id, editor.id, 3);
    const item = (await latestTemplate()).items.find((i) => i.key === "health.healthz-endpoint")!;
    const event = (by: TestUser, action: string, daysAgo: number, before: unknown, after: unknown) =>
      sql().query(
        `INSERT INTO audit_events (at, actor_id, actor_email, action, entity_type, entity_id, service_id, review_id, before, after)
         VALUES (now() - make_interval(days => $1), $2, $3, $4, 'review', $5::text, $6, $5::uuid, $7, $8)`,
        [daysAgo, by.id, by.email, action, reviewId, service.id, before === null ? null : JSON.stringify(before), JSON.stringify(after)],
      );
    await event(editor, "answer.create", 3, null, { itemKey: item.key, status: "NOT_MET", note: "", naReason: null, version: 1 });
    await event(
      editor,
      "answer.update",
      3,
      { itemKey: item.key, status: "NOT_MET", note: "", version: 1 },
      { itemKey: item.key, status: "MET", note: "Probe checks Postgres", version: 2 },
    );
    await event(editor, "waiver.request", 2, null, { itemKey: item.key, status: "PENDING", expiresOn: "2027-03-01" });
    await event(
      approver,
      "waiver.approve",
      2,
      { itemKey: item.key, status: "PENDING" },
      { itemKey: item.key, status: "APPROVED", approvedByEmail: approver.email },
    );
    await event(
      editor,
      "review.submit",
      0,
      { status: "DRAFT", version: 3 },
      { status: "SUBMITTED", version: 4, submittedByEmail: editor.email },
    );
    await event(
      approver,
      "review.decide",
      0,
      { status: "SUBMITTED", version: 4 },
      { status: "DECIDED", decision: "CONDITIONAL_GO", computedVerdict: "CONDITIONAL_GO" },
    );
    return { reviewId, editor, approver, item };
  }

  test("reads as sentences with names, grouped by day, with the exact values behind a disclosure and no e-mail addresses", async ({
    page,
  }) => {
    const { reviewId, editor, approver, item } = await reviewWithHistory();
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer, `/reviews/${reviewId}/history`);

    await expect(page.getByRole("heading", { level: 2, name: "Today" })).toBeVisible();
    await expect(page.getByText(`${editor.name} marked “${item.title}” as met (was not met)`)).toBeVisible();
    await expect(page.getByText(`${editor.name} marked “${item.title}” as not met`, { exact: true })).toBeVisible();
    await expect(page.getByText(`${editor.name} requested a waiver for “${item.title}” until 1 Mar 2027`)).toBeVisible();
    await expect(page.getByText(`${approver.name} approved the waiver for “${item.title}”`)).toBeVisible();
    await expect(page.getByText(`${editor.name} signed the review as the service owner and submitted it for decision`)).toBeVisible();
    await expect(page.getByText(`${approver.name} decided: conditional go`)).toBeVisible();
    await expect(page.locator("main")).not.toContainText("@example.com");
    await expect(page.locator("main")).not.toContainText(/\d{4}-\d{2}-\d{2}T/);

    const decided = page.getByRole("listitem").filter({ hasText: `${approver.name} decided: conditional go` });
    const details = decided.locator("summary", { hasText: "Show details" });
    await details.focus();
    await page.keyboard.press("Enter");
    await expect(decided.getByText("CONDITIONAL_GO").first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText("@example.com");
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
  });

  test("admins see who acted by address in the details", async ({ page }) => {
    const { reviewId, approver } = await reviewWithHistory();
    const admin = await createUser("ADMIN");
    await signIn(page, admin, `/reviews/${reviewId}/history`);
    const decided = page.getByRole("listitem").filter({ hasText: `${approver.name} decided: conditional go` });
    await decided.locator("summary", { hasText: "Show details" }).click();
    await expect(decided.getByText(approver.email)).toBeVisible();
  });
});
