import { createApiToken, createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { teamWithDraftReview } from "./support/review-data";

// Bindings are installation-wide, so this spec binds an item no other spec answers, and removes it again.
const ITEM_KEY = "testing.contract-tests";
const ITEM_TITLE_PATTERN = /contract/i;

test.describe("automated checks", () => {
  // Both tests bind the same item, so they take turns.
  test.describe.configure({ mode: "serial" });

  test("an admin binds an item to a check, sees field errors, and removes the binding", async ({ page }) => {
    await sql().query("DELETE FROM check_bindings WHERE item_key = $1", [ITEM_KEY]);
    const admin = await createUser("ADMIN");
    await signIn(page, admin, "/admin/checks");
    await expect(page.getByRole("heading", { level: 1, name: "Automated checks" })).toBeVisible();
    await expectAccessible(page);

    const item = page.getByRole("combobox", { name: "Checklist item" });
    const option = item.locator("option", { hasText: ITEM_TITLE_PATTERN }).first();
    await item.selectOption({ value: (await option.getAttribute("value")) ?? "" });
    await page.getByRole("combobox", { name: "Check", exact: true }).selectOption({ label: "Results pushed from CI" });
    await page.getByRole("spinbutton", { name: "Probe timeout (ms)" }).fill("50");
    await page.getByRole("button", { name: "Save binding" }).click();
    await expect(page.getByText("At least 100 ms")).toBeVisible();

    await page.getByRole("spinbutton", { name: "Probe timeout (ms)" }).fill("2000");
    await page.getByRole("spinbutton", { name: "A result counts for (minutes)" }).fill("120");
    await item.selectOption({ value: ITEM_KEY });
    await page.getByRole("button", { name: "Save binding" }).click();
    await expect(page.getByText(`Saved. "${ITEM_KEY}" is now checked automatically.`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: ITEM_KEY });
    await expect(row).toContainText("Results pushed from CI");
    await expect(row).toContainText("2 h");
    await expectAccessible(page);
    const { rows } = await sql().query<{ action: string }>(
      "SELECT action FROM audit_events WHERE actor_id = $1 AND entity_type = 'check_binding' ORDER BY id",
      [admin.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["check.binding.created"]);

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await row.getByRole("button", { name: /stop checking/i }).click();
    await expect(page.getByRole("row").filter({ hasText: ITEM_KEY })).toHaveCount(0);
  });

  test("a pipeline pushes results with a team member's token, and the open review shows them with the answer they suggest", async ({
    page,
    request,
  }) => {
    const { editor, service, reviewId } = await teamWithDraftReview();
    await sql().query(
      "INSERT INTO check_bindings (item_key, kind, valid_for_minutes) VALUES ($1, 'CI', 60), ('testing.chaos-failure-injection', 'CI', 60)",
      [ITEM_KEY],
    );
    try {
      const token = await createApiToken(editor.id);
      const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
      const pushed = await request.post(`/api/v1/services/${service.slug}/checks`, {
        headers,
        data: { results: [{ itemKey: ITEM_KEY, status: "FAILING", summary: "pact broke", detailsUrl: "https://ci.example.com/1" }] },
      });
      expect(pushed.status()).toBe(201);
      const read = await request.get(`/api/v1/services/${service.slug}/checks`, { headers });
      expect((await read.json()).items).toEqual([
        expect.objectContaining({ itemKey: ITEM_KEY, status: "FAILING", source: "CI", fresh: true }),
      ]);
      const bad = await request.post(`/api/v1/services/${service.slug}/checks`, {
        headers,
        data: { results: [{ itemKey: ITEM_KEY, status: "green" }] },
      });
      expect(bad.status()).toBe(422);
      expect((await bad.json()).error.fields).toHaveProperty(["results.0.status"]);

      await signIn(page, editor, `/reviews/${reviewId}`);
      const card = page.getByRole("heading", { name: "Automated checks" }).locator("xpath=ancestor::div[contains(@class,'rounded-lg')][1]");
      const row = card.getByRole("listitem").filter({ hasText: "Contract tests" });
      await expect(row).toContainText("Failing");
      await expect(row).toContainText(/From CI, (just now|\d+ min ago): pact broke/);
      await expect(row).toContainText("Suggests not met; answered met");
      // The other bound item never got a result, so the review says to answer it by hand.
      await expect(card.getByRole("listitem").filter({ hasText: "Chaos" })).toContainText("No result yet");
      await expect(card.getByText("1 automated check has no fresh result")).toBeVisible();
      await expectAccessible(page);
    } finally {
      await sql().query("DELETE FROM check_bindings WHERE item_key = ANY($1::text[])", [[ITEM_KEY, "testing.chaos-failure-injection"]]);
    }
  });
});
