import { createService, createTeam, createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { insertDecidedReview, latestTemplate } from "./support/reviews";

const HEALTH_ITEM = "health.healthz-endpoint";

test.describe("starting a review from the last decided one", () => {
  test("an editor on a phone starts with carry-forward and a reviewer picked from the list, then confirms a concern", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const owners = await createTeam();
    const platform = await createTeam();
    const editor = await createUser("EDITOR", [owners]);
    const approver = await createUser("APPROVER", [platform]);
    const insideApprover = await createUser("APPROVER", [owners]);
    const service = await createService(owners, { tier: 3 });
    const template = await latestTemplate();
    const decidedId = await insertDecidedReview(template, {
      serviceId: service.id,
      tier: 3,
      decidedAt: new Date(Date.now() - 7 * 86_400_000),
      evidence: { [HEALTH_ITEM]: [{ url: "https://dashboards.example/health", title: "Health dashboard" }] },
    });

    await signIn(page, editor, `/services/${service.slug}`);
    await page.getByRole("link", { name: "Start a review" }).first().click();
    await expect(page.getByRole("heading", { name: "Start a review" })).toBeVisible();
    const carry = page.getByLabel(/Start from the review decided on/);
    await expect(carry).toBeChecked();

    // The reviewer picker: searchable, keyboard driven, and only approvers from other teams.
    const picker = page.getByRole("combobox", { name: "Reviewers" });
    await picker.fill(insideApprover.name);
    await expect(page.getByRole("option", { name: /No approver matches/ })).toBeVisible();
    await picker.fill(approver.name.slice(0, 12));
    await expect(page.getByRole("option", { name: new RegExp(approver.name) })).toBeVisible();
    await picker.press("ArrowDown");
    await picker.press("Enter");
    await expect(page.getByRole("option", { name: new RegExp(approver.name) })).toHaveAttribute("aria-selected", "true");
    await picker.press("Escape");
    await expect(page.getByRole("button", { name: `Remove ${approver.name}` })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("What triggered this review?").selectOption("QUARTERLY");
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
    const reviewId = page.url().split("/").pop()!;
    await expect(page.getByText(/answers carried from the previous review wait for confirmation/).first()).toBeVisible();
    await expectAccessible(page);

    const { rows: stored } = await sql().query<{ carried: string; waiting: string; reviewers: string }>(
      `SELECT count(*) FILTER (WHERE carried_from_review_id = $2) AS carried, count(*) FILTER (WHERE confirmed_at IS NULL) AS waiting,
              (SELECT string_agg(user_id::text, ',') FROM review_reviewers WHERE review_id = $1) AS reviewers
       FROM answers WHERE review_id = $1`,
      [reviewId, decidedId],
    );
    expect(Number(stored[0]!.carried)).toBe(template.items.filter((i) => i.tiers.includes(3)).length);
    expect(stored[0]!.reviewers).toBe(approver.id);

    // The concern page marks each carried answer and confirms the whole concern at once.
    await page.goto(`/reviews/${reviewId}/concerns/health`);
    await expect(page.getByText("Carried — confirm").first()).toBeVisible();
    await page.locator('[data-item-card="health.healthz-endpoint"] summary', { hasText: /^Evidence \(1\)/ }).click();
    await expect(page.getByRole("link", { name: "Health dashboard" })).toBeVisible();
    await expectAccessible(page);
    const waitingBefore = await page.getByText("Carried — confirm").count();
    await page.getByRole("button", { name: /^Confirm all \d+ in Health & Lifecycle$/ }).click();
    await expect(page.getByText(`Confirmed ${waitingBefore} carried answers.`)).toBeVisible();
    await expect(page.getByText("Carried — confirm")).toHaveCount(0);
    await expect(page.getByText(/^Confirmed by /).first()).toBeVisible();
    // A met item offers no waiver request.
    await expect(page.getByText("Request a waiver")).toHaveCount(0);

    // One answer on its own, on a concern that also says where to get help, in plain words and with a link.
    await page.goto(`/reviews/${reviewId}/concerns/logging`);
    const help = page.getByRole("complementary", { name: "Where to get help" });
    await expect(help.getByRole("link", { name: /Monitoring distributed systems/ })).toHaveAttribute("href", /^https:\/\/sre\.google\//);
    await expect(page.getByText(/Routed to|skill/)).toHaveCount(0);
    const logLevels = page.getByRole("button", { name: 'Confirm the carried answer to "Log levels"' });
    await logLevels.click();
    await expect(logLevels).toHaveCount(0);
    await expect(page.getByText(/^Confirmed by /).first()).toBeFocused();
    await expectAccessible(page);

    const { rows: after } = await sql().query<{ waiting: string }>(
      "SELECT count(*) AS waiting FROM answers WHERE review_id = $1 AND confirmed_at IS NULL",
      [reviewId],
    );
    expect(Number(after[0]!.waiting)).toBe(Number(stored[0]!.waiting) - waitingBefore - 1);
    const { rows: audit } = await sql().query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_events WHERE review_id = $1 AND action = 'answer.confirm' AND actor_id = $2",
      [reviewId, editor.id],
    );
    expect(Number(audit[0]!.n)).toBe(waitingBefore + 1);

    // While this review is open, the service page leads to it instead of offering another.
    await page.goto(`/services/${service.slug}`);
    await expect(page.getByRole("link", { name: "Start a review" })).toHaveCount(0);
    await page.getByRole("link", { name: "Continue the open review" }).click();
    await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}$`));
    await page.goto(`/services/${service.slug}/reviews/new`);
    await expect(page.getByRole("link", { name: "open the current review" })).toHaveAttribute("href", `/reviews/${reviewId}`);
  });

  test("without a decided review the form offers no carry-forward", async ({ page }) => {
    const owners = await createTeam();
    const editor = await createUser("EDITOR", [owners]);
    const service = await createService(owners, { tier: 3 });
    await signIn(page, editor, `/services/${service.slug}/reviews/new`);
    await expect(page.getByRole("heading", { name: "Start a review" })).toBeVisible();
    await expect(page.getByLabel(/Start from the review decided on/)).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Reviewers" })).toBeVisible();
  });
});
