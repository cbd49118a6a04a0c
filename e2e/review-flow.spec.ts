import { createTeam, createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { markSubmitted, teamWithDraftReview } from "./support/review-data";

const HEALTH_ITEM = "health.healthz-endpoint";
const HEALTH_TITLE = "Health check endpoint (/healthz or /health) returns dependency status";

test.describe("a readiness review from no-go to go", () => {
  test("the team fixes the unmet health check, signs, and an approver from another team records go", async ({
    page: team,
    browser,
  }, testInfo) => {
    const { editor, reviewId } = await teamWithDraftReview([HEALTH_ITEM]);
    const platform = await createTeam();
    const approver = await createUser("APPROVER", [platform]);

    await signIn(team, editor, `/reviews/${reviewId}`);
    await expect(team.getByText("Computed verdict")).toBeVisible();
    const verdict = team
      .locator("section, div")
      .filter({ has: team.getByRole("heading", { name: "Computed verdict" }) })
      .first();
    await expect(verdict.getByText("No-go").first()).toBeVisible();
    await expect(verdict.getByRole("link", { name: new RegExp(HEALTH_TITLE.slice(0, 20).replace(/[()/]/g, ".")) }).first()).toBeVisible();
    await expectAccessible(team);

    // Fix it on the concern page: choosing the answer is the save.
    await verdict
      .getByRole("link", { name: new RegExp(HEALTH_TITLE.slice(0, 20).replace(/[()/]/g, ".")) })
      .first()
      .click();
    await expect(team).toHaveURL(/\/concerns\/health/);
    const form = team.getByRole("group", { name: `Answer for “${HEALTH_TITLE}”` });
    await form.getByLabel("Met", { exact: true }).check();
    await expect(team.getByText(/^Saved/).first()).toBeVisible();
    await expectAccessible(team);

    await team.goto(`/reviews/${reviewId}`);
    await expect(verdict.getByText("Go", { exact: true }).first()).toBeVisible();
    await team.getByLabel(/I sign these answers as the service owner/).check();
    await team.getByRole("button", { name: "Sign and submit for decision" }).click();
    await expect(team.getByRole("button", { name: "Reopen as draft" })).toBeVisible();

    const outsideContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const outside = await outsideContext.newPage();
    await signIn(outside, approver, `/reviews/${reviewId}`);
    await outside.getByLabel("Go", { exact: true }).check();
    await outside.getByRole("button", { name: "Record decision" }).click();
    await expect(outside.getByText(/decided|decision recorded/i).first()).toBeVisible();
    const { rows } = await sql().query<{ status: string; decision: string; level: number }>(
      "SELECT status, decision, level FROM reviews WHERE id = $1",
      [reviewId],
    );
    expect(rows[0]).toMatchObject({ status: "DECIDED", decision: "GO" });
    const { rows: audit } = await sql().query<{ action: string }>("SELECT action FROM audit_events WHERE review_id = $1 ORDER BY id", [
      reviewId,
    ]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["answer.create", "review.submit", "review.decide"]));

    await outside.goto(`/reviews/${reviewId}/history`);
    await expect(outside.getByText(`${approver.name} decided: go`, { exact: true })).toBeVisible();
    await expect(outside.getByText(`${editor.name} signed the review as the service owner and submitted it for decision`)).toBeVisible();
    await outsideContext.close();
  });

  test("an approver on the owning team is not offered the decision", async ({ page }) => {
    const { owners, editor, reviewId } = await teamWithDraftReview();
    const insider = await createUser("APPROVER", [owners]);
    await markSubmitted(reviewId, editor.id);
    await signIn(page, insider, `/reviews/${reviewId}`);
    await expect(page.getByText("Computed verdict")).toBeVisible();
    await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  });

  test("an admin from another team who answered an item is told why someone else must decide", async ({ page }) => {
    const { editor, reviewId } = await teamWithDraftReview();
    const admin = await createUser("ADMIN");
    // The audit log is where the four-eyes rule learns who answered: the answers keep only their last answerer.
    await sql().query(
      `INSERT INTO audit_events (actor_id, actor_email, action, entity_type, entity_id, review_id)
       SELECT $2, $3, 'answer.update', 'answer', a.id::text, $1 FROM answers a WHERE a.review_id = $1 LIMIT 1`,
      [reviewId, admin.id, admin.email],
    );
    await markSubmitted(reviewId, editor.id);
    await signIn(page, admin, `/reviews/${reviewId}`);
    await expect(page.getByText("You answered items in this review, so someone else must decide it.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("another team's review", () => {
  test("an editor of another team sees no edit controls and cannot change answers through the API", async ({ page }) => {
    const { reviewId } = await teamWithDraftReview([HEALTH_ITEM]);
    const others = await createTeam();
    const outsider = await createUser("EDITOR", [others]);

    await signIn(page, outsider, `/reviews/${reviewId}/concerns/health`);
    await expect(page.getByText(HEALTH_TITLE).first()).toBeVisible();
    await expect(page.getByRole("radio", { name: "Met" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /add evidence/i })).toHaveCount(0);

    const response = await page.request.put(`/api/v1/reviews/${reviewId}/answers/${HEALTH_ITEM}`, {
      data: { status: "MET" },
      headers: { "If-None-Match": "*" },
    });
    expect(response.status()).toBe(403);
    const { rows } = await sql().query(
      "SELECT 1 FROM answers a JOIN checklist_items i ON i.id = a.item_id WHERE a.review_id = $1 AND i.key = $2",
      [reviewId, HEALTH_ITEM],
    );
    expect(rows).toHaveLength(0);
  });
});

test.describe("answering an item", () => {
  test("the server's field errors show on the answer and evidence forms, and the fixed entries are saved", async ({ page }) => {
    const { editor, reviewId } = await teamWithDraftReview([HEALTH_ITEM]);

    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    const item = page.getByRole("article", { name: HEALTH_TITLE });
    await item.getByLabel("Not applicable", { exact: true }).check();
    await expect(item.getByText("Explain why this item does not apply", { exact: true })).toBeVisible();
    await expect(item.getByLabel("Why does this item not apply?")).toHaveAttribute("aria-invalid", "true");
    await item.getByLabel("Met", { exact: true }).check();
    await expect(item.getByText(/^Saved/).first()).toBeVisible();

    await item.locator("summary", { hasText: /^Evidence/ }).click();
    await item.locator("summary", { hasText: "Add evidence" }).click();
    await item.getByRole("textbox", { name: "Link", exact: true }).fill("javascript:alert(1)");
    await item.getByRole("textbox", { name: "Title", exact: true }).fill("Health probe dashboard");
    await item.getByRole("button", { name: "Add evidence" }).click();
    await expect(item.getByText("Only http:// and https:// links are allowed", { exact: true })).toBeVisible();
    await expect(item.getByRole("textbox", { name: "Link", exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await item.getByRole("textbox", { name: "Link", exact: true }).fill("https://grafana.example/d/health");
    await item.getByRole("button", { name: "Add evidence" }).click();
    await expect(item.getByRole("link", { name: /Health probe dashboard/ })).toBeVisible();
  });
});
