import { currentQuarter } from "../lib/domain/quarters";
import { createService, createTeam, createUser, uniq } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { dayFromToday, decideReview, openTriggeredReview } from "./support/quarterly";
import { formatDate } from "../lib/format/dates";

// Each test makes its own team and filters the meeting by it, so other tests' services never show.

/** Two due services whose names sort the other way round, so only the regression rule can put "Zulu" first. */
async function seedMeeting() {
  const team = await createTeam(uniq("Quarterly team"));
  const steady = await createService(team, { name: uniq("Alpha steady") });
  await decideReview(steady.id, { daysAgo: 200, level: 2, verdict: "GO" });
  const regressed = await createService(team, { name: uniq("Zulu regressed") });
  await decideReview(regressed.id, { daysAgo: 300, level: 3, verdict: "GO" });
  await decideReview(regressed.id, { daysAgo: 100, level: 1, verdict: "NO_GO", openBlockers: 2 });
  const fresh = await createService(team, { name: uniq("Fresh") });
  await decideReview(fresh.id, { daysAgo: 5, level: 3, verdict: "GO" });
  return { team, steady, regressed, fresh };
}

test.describe("quarterly review meeting", () => {
  test("a chair walks the agenda, steps through it with the keyboard, records a follow-up and sees it in the minutes", async ({ page }) => {
    const { team, steady, regressed, fresh } = await seedMeeting();
    const quarter = currentQuarter(new Date());
    const chair = await createUser("APPROVER");
    await signIn(page, chair, `/quarterly/${quarter}?team=${team.slug}`);

    await expect(page.getByRole("heading", { level: 1, name: `Quarterly review ${quarter}` })).toBeVisible();
    const items = page.getByRole("list", { name: `Services due in ${quarter}` }).getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0).getByRole("heading", { level: 2 })).toHaveText(regressed.name);
    await expect(items.nth(0).getByText("Regression", { exact: true })).toBeVisible();
    await expect(items.nth(0).getByText("100 days since last review")).toBeVisible();
    await expect(items.nth(1).getByRole("heading", { level: 2 })).toHaveText(steady.name);
    await expect(page.getByText(fresh.name)).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Start presenter mode" }).click();
    await expect(page).toHaveURL(/\/present\?(.*&)?i=0(&|$)/);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText(regressed.name);
    const steps = page.getByRole("navigation", { name: "Step through the agenda" });
    await expect(steps.getByText("1 of 2")).toBeVisible();
    await expectAccessible(page);

    // The keys work once the page has hydrated; at either end of the agenda an extra press changes nothing.
    await expect(async () => {
      await page.keyboard.press("ArrowRight");
      await expect(page).toHaveURL(/[?&]i=1(&|$)/, { timeout: 1_000 });
    }).toPass();
    await expect(heading).toHaveText(steady.name);
    await expect(steps.getByText("2 of 2")).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/[?&]i=0(&|$)/);
    await expect(heading).toHaveText(regressed.name);

    const form = page.getByRole("form", { name: `Outcome for ${regressed.name}` });
    await form.getByLabel("Follow-up", { exact: true }).check();
    await form.getByRole("button", { name: "Save outcome" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Not saved" })).toHaveText(
      "Not saved: fix the highlighted fields and save again.",
    );
    await expect(form.getByLabel("Follow-up owner")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Name who owns the follow-up", { exact: true })).toBeVisible();
    await expect(form.getByText("Enter the follow-up's due date", { exact: true })).toBeVisible();

    const due = dayFromToday(21);
    await form.getByLabel("Follow-up owner").fill("Dana from SRE");
    await form.getByLabel("Due date").fill(due);
    await form.getByLabel("Note").fill("Restore paging before the next release");
    // Typing "n" or "j" in the form must not move the presenter on.
    await expect(page).toHaveURL(/[?&]i=0(&|$)/);
    await form.getByRole("button", { name: "Save outcome" }).click();
    await expect(form.getByRole("status").filter({ hasText: "Saved." })).toContainText(`Recorded by ${chair.name}`);

    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/quarterly/${quarter}\\?team=${team.slug}$`));
    await page.getByRole("link", { name: "Minutes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Minutes · Quarterly review ${quarter}` })).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(regressed.name) });
    await expect(row.getByRole("cell")).toHaveText([
      "Follow-up",
      "Restore paging before the next release",
      "Dana from SRE",
      formatDate(due),
      new RegExp(`^${chair.name}`),
    ]);
    await expect(page.getByRole("row", { name: new RegExp(steady.name) })).toContainText("Not recorded");
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a pending trigger puts a freshly reviewed service on the agenda; viewers read outcomes but cannot record them", async ({
    page,
  }) => {
    const team = await createTeam(uniq("Quarterly trigger"));
    const incident = await createService(team, { name: uniq("Incident") });
    await decideReview(incident.id, { daysAgo: 3, level: 3, verdict: "GO" });
    await openTriggeredReview(incident.id, "POST_INCIDENT");
    const quarter = currentQuarter(new Date());
    await signIn(page, await createUser("VIEWER"), `/quarterly/${quarter}?team=${team.slug}`);

    const card = page.getByRole("article", { name: incident.name });
    await expect(card.getByText("Trigger pending: After incident")).toBeVisible();
    await expect(card.getByText("No outcome recorded yet.")).toBeVisible();
    await expect(card.getByRole("button", { name: "Save outcome" })).toHaveCount(0);
  });

  test("an unknown quarter is a 404 and the picker opens the chosen quarter", async ({ page }) => {
    await signIn(page, await createUser("VIEWER"), "/quarterly");
    const current = currentQuarter(new Date());
    await expect(page.getByRole("link", { name: new RegExp(`^${current}`) })).toBeVisible();
    await expect(page.getByLabel("Quarter", { exact: true })).toHaveValue(current);
    await page.getByRole("button", { name: "Open meeting" }).click();
    await expect(page).toHaveURL(new RegExp(`/quarterly/${current}$`));

    const response = await page.goto("/quarterly/2026-Q5");
    expect(response?.status()).toBe(404);
  });
});
