import { expect, test, type Page } from "@playwright/test";
import { Pool } from "pg";
import { createUser, type TestUser } from "./support/db";
import { expectAccessible, signIn } from "./support/fixtures";
import { startPrivateServer, stopPrivateServer, type PrivateServer } from "./support/private-server";

// An unexpected error on a signed-in page replaces only that page: the header and the navigation stay, with a
// retry, a way home and the reference to look the error up. The fault is real — a table the services page reads
// goes missing — so this runs against a server and database of its own.

test.describe.configure({ mode: "serial", timeout: 120_000 });

let server: PrivateServer | undefined;
let pool: Pool | undefined;

test.beforeAll(async () => {
  server = await startPrivateServer("errors");
  pool = new Pool({ connectionString: server.database.url, max: 1 });
});

test.afterAll(async () => {
  await pool?.end();
  await stopPrivateServer(server);
});

async function expectErrorInShell(page: Page, user: TestUser) {
  const heading = page.getByRole("heading", { level: 1, name: "Something went wrong" });
  await expect(heading).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/Reference: \S+/);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Go to services" })).toHaveAttribute("href", "/services");
  // The shell is still there and usable.
  await expect(page.getByRole("banner")).toContainText(user.name);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
}

test("an unexpected error keeps the signed-in shell, and Try again recovers once the cause is gone", async ({ browser }) => {
  if (!server || !pool) throw new Error("server not started");
  const user = await createUser("VIEWER", [], pool);
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await signIn(page, user, "/settings/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  await pool.query("ALTER TABLE services RENAME TO services_away");
  try {
    // Navigating inside the app: the boundary replaces the page and takes focus, so a screen reader hears it.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
    await expectErrorInShell(page, user);
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeFocused();
    await expectAccessible(page);

    // Loading the page afresh ends in the same place.
    await page.goto("/services");
    await expectErrorInShell(page, user);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`error-in-shell-${width}.png`), fullPage: true });
    }
  } finally {
    await pool.query("ALTER TABLE IF EXISTS services_away RENAME TO services");
  }

  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toHaveCount(0);
  await context.close();
});
