import { createUser } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

test.describe("docs", () => {
  test("a signed-in person reads the runbooks at a heading's anchor, and links between docs stay inside the app", async ({ page }) => {
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer);
    await page.goto("/docs");
    await page.getByRole("link", { name: "Shipshape runbooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Shipshape runbooks" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/docs/runbooks#3a-overload");
    await expect(page.locator(`[id="3a-overload"]`)).toHaveText("3a. Overload");
    await expect(page.locator(`[id="3a-overload"]`)).toBeInViewport();
    await page.locator(`a[href="/docs/releases#rollback"]`).click();
    await expect(page).toHaveURL(/\/docs\/releases#rollback$/);
    await expect(page.getByRole("heading", { level: 1, name: "Upgrades and rollbacks" })).toBeVisible();
  });

  test("docs need a session, and only the project's documents are served", async ({ page, request }) => {
    const anonymous = await request.get("/docs/runbooks", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
    expect(anonymous.headers().location).toContain("/signin");

    await signIn(page, await createUser("VIEWER"));
    for (const path of ["/docs/no-such-doc", "/docs/..%2Fpackage.json", "/docs/.env"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
