import { createApiToken, createService, createTeam, createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

// Bindings are installation-wide, so this spec binds an item no other spec answers, and removes it again.
const ITEM_KEY = "testing.contract-tests";
const ITEM_TITLE_PATTERN = /contract/i;

test.describe("automated checks", () => {
  test("an admin binds an item to a check, sees field errors, and removes the binding", async ({ page }) => {
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

  test("a pipeline pushes results with a team member's token and reads them back", async ({ request }) => {
    const team = await createTeam();
    const editor = await createUser("EDITOR", [team]);
    const service = await createService(team);
    const token = await createApiToken(editor.id);
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const pushed = await request.post(`/api/v1/services/${service.slug}/checks`, {
      headers,
      data: { results: [{ itemKey: ITEM_KEY, status: "PASSING", summary: "pact verified", detailsUrl: "https://ci.example.com/1" }] },
    });
    expect(pushed.status()).toBe(201);
    const read = await request.get(`/api/v1/services/${service.slug}/checks`, { headers });
    expect((await read.json()).items).toEqual([
      expect.objectContaining({ itemKey: ITEM_KEY, status: "PASSING", source: "CI", fresh: true }),
    ]);
    const bad = await request.post(`/api/v1/services/${service.slug}/checks`, {
      headers,
      data: { results: [{ itemKey: ITEM_KEY, status: "green" }] },
    });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty(["results.0.status"]);
  });
});
