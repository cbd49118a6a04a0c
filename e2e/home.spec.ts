import type { Page } from "@playwright/test";
import { createService, createTeam, createUser, sql, type TestUser } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { markSubmitted, teamWithDraftReview } from "./support/review-data";
import { latestTemplate, type Template } from "./support/reviews";

// The signed-in home for each role. Every test makes its own teams, people and services; the approver's queue holds
// other tests' reviews too, so the approver here is named as reviewer, which puts this test's review first.

/** An applicable tier-3 item of the template's third concern: answering all but it makes that concern the one to continue. */
function itemOfThirdConcern(template: Template) {
  const applicable = template.items.filter((item) => item.tiers.includes(3));
  const concerns = [...new Set(applicable.map((item) => item.concernKey))];
  const item = applicable.find((candidate) => candidate.concernKey === concerns[2])!;
  return { item, applicable: applicable.length };
}

async function concernTitle(key: string): Promise<string> {
  const { rows } = await sql().query<{ title: string }>("SELECT title FROM concerns WHERE key = $1 LIMIT 1", [key]);
  return rows[0]!.title;
}

/** Signs the review as `editor`, names `reviewer` and adds a pending waiver on `itemId` that the editor asked for. */
async function submitWithWaiver(reviewId: string, editor: TestUser, reviewer: TestUser, itemId: string) {
  await markSubmitted(reviewId, editor.id);
  await sql().query("INSERT INTO review_reviewers (review_id, user_id) VALUES ($1, $2)", [reviewId, reviewer.id]);
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO waivers (review_id, item_id, reason, compensating_control, risk_owner, expires_on, requested_by_id)
     VALUES ($1, $2, 'The vendor fix ships next sprint', 'A manual check before each release', 'Head of payments',
       current_date + 30, $3) RETURNING id`,
    [reviewId, itemId, editor.id],
  );
  return rows[0]!.id;
}

async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("the home", () => {
  test("an editor sees the team's open review with its progress, continues where it stops, and can start a due one", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const { item, applicable } = itemOfThirdConcern(await latestTemplate());
    const { owners: team, editor, service: underway, reviewId } = await teamWithDraftReview([item.key]);
    const due = await createService(team, { tier: 2 });
    const { service: theirs } = await teamWithDraftReview();
    const title = await concernTitle(item.concernKey);

    await signIn(page, editor, "/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();
    const reviews = page.getByRole("region", { name: "Your team's open reviews" });
    const card = reviews.getByRole("article", { name: underway.name });
    await expect(card.getByText(`${applicable - 1} of ${applicable} items answered`)).toBeVisible();
    await expect(reviews.getByText(theirs.name)).toHaveCount(0);

    const dueList = page.getByRole("region", { name: "Due for review" });
    await expect(dueList.getByRole("link", { name: `Start review of ${due.name}` })).toHaveAttribute(
      "href",
      `/services/${due.slug}/reviews/new`,
    );
    // Under way already: the due row links to the open review instead of offering a second one.
    await expect(dueList.getByRole("link", { name: `Open review of ${underway.name}` })).toHaveAttribute("href", `/reviews/${reviewId}`);
    await expect(dueList.getByRole("link", { name: `Start review of ${underway.name}` })).toHaveCount(0);
    await expect(page.getByRole("region", { name: /Reviews awaiting your decision/ })).toHaveCount(0);
    await expectAccessible(page);

    await card.getByRole("link", { name: `Continue: ${title} in ${underway.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/concerns/${item.concernKey}$`));
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  });

  test("on a phone the editor's home fits the screen and Continue is in reach", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { editor, service } = await teamWithDraftReview([itemOfThirdConcern(await latestTemplate()).item.key]);

    await signIn(page, editor, "/");
    const card = page.getByRole("article", { name: service.name });
    await expect(card.getByRole("link", { name: new RegExp(`^Continue: .+ in ${service.name}$`) })).toBeVisible();
    await expectNoSideways(page);
    await expectAccessible(page);
  });

  test("an approver sees the count in the navigation, opens the pending waiver where the decision is made and approves it there", async ({
    page,
  }) => {
    const { item } = itemOfThirdConcern(await latestTemplate());
    const { owners, editor, service, reviewId } = await teamWithDraftReview([item.key]);
    const approver = await createUser("APPROVER", [await createTeam()]);
    const insideApprover = await createUser("APPROVER", [owners]);
    const waiverId = await submitWithWaiver(reviewId, editor, approver, item.id);

    await signIn(page, approver, "/");
    const home = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Home \(\d+\+? awaiting your decision\)$/ });
    await expect(home).toHaveAttribute("aria-current", "page");
    // This test's review and its waiver at least; other tests' reviews may wait for this approver too.
    const count = Number(/\((\d+)\+? awaiting your decision\)/.exec((await home.textContent()) ?? "")?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);

    const decisions = page.getByRole("region", { name: /Reviews awaiting your decision/ });
    await expect(decisions.getByRole("listitem").first()).toContainText(service.name);
    await expect(decisions.getByRole("link", { name: `Decide the review of ${service.name}` })).toHaveAttribute(
      "href",
      `/reviews/${reviewId}`,
    );
    const waivers = page.getByRole("region", { name: /Waivers awaiting your approval/ });
    const waiverRow = waivers.getByRole("listitem").filter({ hasText: service.name });
    await expect(waiverRow.getByText("The vendor fix ships next sprint")).toBeVisible();
    await expect(waiverRow.getByText(`Requested by ${editor.name}`)).toBeVisible();
    await expectAccessible(page);

    await waivers.getByRole("link", { name: `Review waiver for ${item.title} in ${service.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}#pending-waivers$`));
    const pending = page.getByRole("region", { name: /Pending waivers/ });
    await expect(pending.getByRole("link", { name: item.title })).toBeVisible();
    await expect(pending.getByText("A manual check before each release")).toBeVisible();
    await expect(pending.getByText(new RegExp(`^${editor.name}, `))).toBeVisible();
    await expect(page.getByText("1 waiver waits for approval")).toBeVisible();
    await expect(page.getByText(/Recording the decision now leaves it pending/)).toBeVisible();

    await pending.getByRole("button", { name: "Approve waiver" }).click();
    await expect(page.getByRole("region", { name: /Pending waivers/ })).toHaveCount(0);
    await expect(page.getByText("1 waiver waits for approval")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Record decision" })).toBeVisible();
    const { rows } = await sql().query<{ status: string; approved_by_id: string }>(
      "SELECT status, approved_by_id FROM waivers WHERE id = $1",
      [waiverId],
    );
    expect(rows[0]).toEqual({ status: "APPROVED", approved_by_id: approver.id });

    await page.goto("/");
    await expect(page.getByRole("region", { name: /Waivers awaiting your approval/ }).getByText(service.name)).toHaveCount(0);

    // Four eyes: the approver on the owning team has nothing of it to decide.
    await page.context().clearCookies();
    await signIn(page, insideApprover, "/");
    await expect(page.getByRole("heading", { name: "Home", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: `Decide the review of ${service.name}` })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Your team's open reviews" }).getByText(service.name)).toBeVisible();
  });

  test("a viewer lands on the portfolio, and a visitor who is signed out on sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin$/);
    const viewer = await createUser("VIEWER", [await createTeam()]);
    await signIn(page, viewer, "/");
    await expect(page).toHaveURL(/\/portfolio$/);
    await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  });
});
