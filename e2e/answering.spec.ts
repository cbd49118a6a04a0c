import type { Page } from "@playwright/test";
import { createService, createTeam, createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { draftReviewWithAnswers } from "./support/review-data";
import { insertDecidedReview, latestTemplate } from "./support/reviews";

// Answering a review on the concern page: one click saves, typing saves, nothing is lost without asking, the keys
// work on a focused card, and the progress panel follows every save.

const HEALTHZ_TITLE = "Health check endpoint (/healthz or /health) returns dependency status";
const LEAVE_QUESTION = "Some answers on this page are not saved yet. Leave anyway?";

async function blankHealthReview(tier: 1 | 2 | 3 = 3) {
  const owners = await createTeam();
  const editor = await createUser("EDITOR", [owners]);
  const service = await createService(owners, { tier });
  const reviewId = await draftReviewWithAnswers(service.id, editor.id, tier);
  const { rows } = await sql().query<{ key: string }>(
    `SELECT i.key FROM checklist_items i JOIN concerns c ON c.id = i.concern_id JOIN reviews r ON r.template_id = i.template_id
     WHERE r.id = $1 AND c.key = 'health' AND $2 = ANY(i.tiers) ORDER BY i.position`,
    [reviewId, tier],
  );
  const healthKeys = rows.map((row) => row.key);
  await sql().query(
    "DELETE FROM answers a USING checklist_items i WHERE a.item_id = i.id AND a.review_id = $1 AND i.key = ANY($2::text[])",
    [reviewId, healthKeys],
  );
  return { owners, editor, service, reviewId, healthKeys };
}

async function stored(reviewId: string, itemKey: string) {
  const { rows } = await sql().query<{ status: string; note: string; na_reason: string | null; version: number }>(
    `SELECT a.status, a.note, a.na_reason, a.version FROM answers a JOIN checklist_items i ON i.id = a.item_id
     WHERE a.review_id = $1 AND i.key = $2`,
    [reviewId, itemKey],
  );
  return rows[0] ?? null;
}

const itemCard = (page: Page, key: string) => page.locator(`[data-item-card="${key}"]`);
const answeredText = (page: Page) => page.getByRole("complementary", { name: "Review progress" }).locator("dd").nth(2);

test.describe("answering on the concern page", () => {
  test("choosing an answer saves at once, notes save as you type, and an N/A waits for its reason", async ({ page }) => {
    const { editor, reviewId, healthKeys } = await blankHealthReview();
    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    const first = itemCard(page, healthKeys[0]!);
    await expect(first.getByRole("heading", { name: HEALTHZ_TITLE })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save answer" })).toHaveCount(0);
    const before = await answeredText(page).innerText();
    const answeredBefore = Number(before.split(" ")[0]);

    await first.getByLabel("Met", { exact: true }).check();
    await expect(first.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.status).toBe("MET");
    await expect(answeredText(page)).toContainText(`${answeredBefore + 1} of`);
    await expect(first.getByText("Met", { exact: true }).last()).toBeVisible();

    // The note: collapsed until asked for, then saved a moment after typing stops, with no button.
    const note = first.getByRole("textbox", { name: "Note" });
    await expect(note).toBeHidden();
    await first.locator("summary", { hasText: "Note" }).click();
    await note.fill("The probe checks the database and the queue");
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.note).toBe("The probe checks the database and the queue");
    await expect(first.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();

    // N/A without a reason is not saved: the field says why, and typing the reason saves it.
    const second = itemCard(page, healthKeys[1]!);
    await second.getByLabel("Not applicable", { exact: true }).check();
    await expect(second.getByText("Explain why this item does not apply", { exact: true })).toBeVisible();
    await expect(second.getByLabel("Why does this item not apply?")).toHaveAttribute("aria-invalid", "true");
    await expect(second.getByLabel("Why does this item not apply?")).toBeFocused();
    expect(await stored(reviewId, healthKeys[1]!)).toBeNull();
    await second.getByLabel("Why does this item not apply?").fill("Batch job without a network listener");
    await expect
      .poll(async () => stored(reviewId, healthKeys[1]!))
      .toMatchObject({ status: "NOT_APPLICABLE", na_reason: "Batch job without a network listener" });
    await expectAccessible(page);
  });

  test("a failed save keeps the text and offers a retry", async ({ page }) => {
    const { editor, reviewId, healthKeys } = await blankHealthReview();
    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    const first = itemCard(page, healthKeys[0]!);
    await first.getByLabel("Partially met", { exact: true }).check();
    await expect(first.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();

    // Server actions post to the page itself with a Next-Action header; cut them off.
    await page.route("**/*", (route) =>
      route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort() : route.continue(),
    );
    await first.locator("summary", { hasText: "Note" }).click();
    await first.getByRole("textbox", { name: "Note" }).fill("Half the dependencies are checked");
    await expect(first.getByText(/^Not saved: The server could not be reached/)).toBeVisible();
    await expect(first.getByRole("textbox", { name: "Note" })).toHaveValue("Half the dependencies are checked");
    await page.unroute("**/*");
    await first.getByRole("button", { name: "Retry" }).click();
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.note).toBe("Half the dependencies are checked");
    await expect(first.getByRole("button", { name: "Retry" })).toHaveCount(0);
  });

  test("someone else saving the same item first brings up the choice, for a click and for typing", async ({ page, browser }, testInfo) => {
    const { editor, owners, reviewId, healthKeys } = await blankHealthReview();
    const colleague = await createUser("EDITOR", [owners]);
    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    const mine = itemCard(page, healthKeys[0]!);
    await expect(mine).toBeVisible();

    const otherContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const other = await otherContext.newPage();
    await signIn(other, colleague, `/reviews/${reviewId}/concerns/health`);
    await itemCard(other, healthKeys[0]!).getByLabel("Not met", { exact: true }).check();
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.status).toBe("NOT_MET");

    // My click goes out with the version I saw, and the server refuses it.
    await mine.getByLabel("Partially met", { exact: true }).check();
    const conflict = mine.getByRole("alert").filter({ hasText: "Someone else saved this answer while you were editing" });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByText("Not met", { exact: true })).toBeVisible();
    await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.status).toBe("PARTIAL");

    // The same while typing: the debounced save meets their newer answer.
    await other.reload();
    await itemCard(other, healthKeys[0]!).getByLabel("Met", { exact: true }).check();
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.status).toBe("MET");
    await mine.locator("summary", { hasText: "Note" }).click();
    await mine.getByRole("textbox", { name: "Note" }).fill("Readiness is checked by the load balancer");
    await expect(conflict).toBeVisible();
    await conflict.getByRole("button", { name: "Use theirs" }).click();
    await expect(mine.getByLabel("Met", { exact: true })).toBeChecked();
    expect(await stored(reviewId, healthKeys[0]!)).toMatchObject({ status: "MET", note: "" });
    await otherContext.close();
  });

  test("leaving with unsaved text asks first, inside the app and when closing the tab", async ({ page }) => {
    const { editor, reviewId, healthKeys } = await blankHealthReview();
    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    const first = itemCard(page, healthKeys[0]!);
    await first.getByLabel("Met", { exact: true }).check();
    await expect(first.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const note = first.getByRole("textbox", { name: "Note" });
    await first.locator("summary", { hasText: "Note" }).click();
    await note.fill("Typed just before switching concern");
    await page.getByRole("navigation", { name: "Concerns of this review" }).getByRole("link").first().click();
    await expect.poll(() => dialogs).toEqual([`confirm: ${LEAVE_QUESTION}`]);
    await expect(page).toHaveURL(/\/concerns\/health/);
    await expect(note).toHaveValue("Typed just before switching concern");
    await expect.poll(async () => (await stored(reviewId, healthKeys[0]!))?.note).toBe("Typed just before switching concern");

    // Saved now: the same link goes without a question.
    await page.getByRole("navigation", { name: "Concerns of this review" }).getByRole("link").first().click();
    await expect(page).not.toHaveURL(/\/concerns\/health/);
    expect(dialogs).toHaveLength(1);

    // Back on the page, closing the tab with a note still in its pause asks too.
    await page.goBack();
    const again = itemCard(page, healthKeys[0]!).getByRole("textbox", { name: "Note" });
    await again.click();
    await again.press("End");
    await again.pressSequentially(" and more");
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs.length).toBe(2);
    expect(dialogs[1]).toMatch(/^beforeunload/);
    expect(page.isClosed()).toBe(false);
  });

  test("keys on a focused card answer, move, and open evidence, and stay text inside a field", async ({ page }) => {
    const { editor, reviewId, healthKeys } = await blankHealthReview();
    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    await expect(page.getByText("Keys on a focused item:")).toBeVisible();
    const [k1, k2, k3] = healthKeys as [string, string, string];

    await itemCard(page, k1).getByRole("radio", { name: "Met", exact: true }).focus();
    await page.keyboard.press("2");
    await expect(itemCard(page, k2)).toBeFocused();
    await expect.poll(async () => (await stored(reviewId, k1))?.status).toBe("PARTIAL");
    await page.keyboard.press("3");
    await expect(itemCard(page, k3)).toBeFocused();
    await expect.poll(async () => (await stored(reviewId, k2))?.status).toBe("NOT_MET");
    await page.keyboard.press("k");
    await expect(itemCard(page, k2)).toBeFocused();
    await page.keyboard.press("j");
    await expect(itemCard(page, k3)).toBeFocused();
    await page.keyboard.press("k");

    // e: the evidence form of the focused item opens with its first field focused; keys typed there are text.
    await expect(itemCard(page, k2).locator("summary", { hasText: /^Evidence/ })).toBeVisible();
    await page.keyboard.press("e");
    const link = itemCard(page, k2).getByRole("textbox", { name: "Link", exact: true });
    await expect(link).toBeFocused();
    await page.keyboard.type("https://j.example/1k");
    await expect(link).toHaveValue("https://j.example/1k");
    await expect(link).toBeFocused();
    expect((await stored(reviewId, k2))?.status).toBe("NOT_MET");

    // N/A by key asks for the reason right there instead of moving on.
    await itemCard(page, k3).focus();
    await page.keyboard.press("4");
    await expect(itemCard(page, k3).getByLabel("Why does this item not apply?")).toBeFocused();
    await page.keyboard.type("No probes on this platform");
    await expect.poll(async () => (await stored(reviewId, k3))?.status).toBe("NOT_APPLICABLE");

    // Past the concern's last item, "next" goes on to the next concern's first item.
    const cards = page.locator("[data-item-card]");
    await cards.last().focus();
    await page.keyboard.press("j");
    await expect(page).not.toHaveURL(/\/concerns\/health/);
    await expect(page.locator("[data-item-card]").first()).toBeFocused();
  });

  test("every concern on one page: keys answer across concern headings without a page change", async ({ page }) => {
    const { editor, reviewId, healthKeys } = await blankHealthReview();
    await signIn(page, editor, `/reviews/${reviewId}`);
    await page.getByRole("link", { name: "Answer every concern on one page" }).click();
    await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}/answer$`));
    await expect(page.getByRole("heading", { level: 2, name: "Health & Lifecycle" })).toBeVisible();
    const sections = await page.locator("main section[id^=concern-]").count();
    expect(sections).toBeGreaterThan(5);
    await expectAccessible(page);

    const last = healthKeys.at(-1) as string;
    await itemCard(page, last).getByRole("radio", { name: "Met", exact: true }).focus();
    const url = page.url();
    await page.keyboard.press("1");
    await expect.poll(async () => (await stored(reviewId, last))?.status).toBe("MET");
    // The next card is the first of the next concern, on the same page.
    const focusedSection = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest("section[id^=concern-]")?.id ?? null);
    await expect.poll(focusedSection).not.toBe("concern-health");
    expect(page.url()).toBe(url);

    // The progress panel's concern links jump to the headings on this page.
    await page
      .getByRole("navigation", { name: "Concerns of this review" })
      .getByRole("link", { name: /Health/ })
      .click();
    await expect(page).toHaveURL(/\/answer#concern-health$/);
  });

  test("on a phone the progress folds into a bar, concerns come from a select, and nothing overflows", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { editor, reviewId, healthKeys } = await blankHealthReview();
    await signIn(page, editor, `/reviews/${reviewId}/concerns/health`);
    const bar = page.getByRole("button", { name: /^Progress: L\d of L\d/ });
    await expect(bar).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Concerns of this review" })).toBeHidden();
    await bar.click();
    await expect(page.getByRole("navigation", { name: "Concerns of this review" })).toBeVisible();
    await bar.click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const first = itemCard(page, healthKeys[0]!);
    await first.getByLabel("Met", { exact: true }).click();
    await expect(first.getByRole("status").filter({ hasText: /^Saved/ })).toBeVisible();
    await expect(bar).toContainText("answered");
    await expectAccessible(page);

    await page.getByLabel("Concern", { exact: true }).selectOption("logging");
    await expect(page).toHaveURL(/\/concerns\/logging$/);
  });
});

test.describe("a review started from the previous one", () => {
  test("confirms every carried answer at once from the overview", async ({ page }) => {
    const owners = await createTeam();
    const editor = await createUser("EDITOR", [owners]);
    const service = await createService(owners, { tier: 2 });
    await insertDecidedReview(await latestTemplate(), {
      serviceId: service.id,
      tier: 2,
      decidedAt: new Date(Date.now() - 90 * 86_400_000),
    });

    await signIn(page, editor, `/services/${service.slug}/reviews/new`);
    await page.getByLabel("What triggered this review?").selectOption("QUARTERLY");
    await page.getByRole("button", { name: "Start review" }).click();
    await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/);
    const reviewId = page.url().split("/").pop()!;
    const { rows } = await sql().query<{ n: string }>("SELECT count(*) AS n FROM answers WHERE review_id = $1 AND confirmed_at IS NULL", [
      reviewId,
    ]);
    const waiting = Number(rows[0]!.n);
    expect(waiting).toBeGreaterThan(0);

    await page.getByRole("button", { name: `Confirm all ${waiting} carried answers` }).click();
    await expect(page.getByText(`Confirmed ${waiting} carried answers.`)).toBeVisible();
    const { rows: after } = await sql().query<{ waiting: string; audited: string }>(
      `SELECT (SELECT count(*) FROM answers WHERE review_id = $1 AND confirmed_at IS NULL) AS waiting,
              (SELECT count(*) FROM audit_events WHERE review_id = $1 AND action = 'answer.confirm' AND actor_id = $2) AS audited`,
      [reviewId, editor.id],
    );
    expect(after[0]).toEqual({ waiting: "0", audited: String(waiting) });
    await expect(page.getByRole("button", { name: /^Confirm all \d+ carried/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});
