import { createApiToken, createService, createTeam, createUser, uniq } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

test.describe("services", () => {
  test("an editor creates a service, sees server-side field errors, and edits it", async ({ page }) => {
    const team = await createTeam();
    const editor = await createUser("EDITOR", [team]);
    await signIn(page, editor);

    await page.goto("/services/new");
    await expectAccessible(page);
    const name = uniq("Checkout API");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Repository").fill("javascript:alert(1)");
    await page.getByRole("button", { name: /create service/i }).click();
    await expect(page.getByText("Use an http:// or https:// link")).toBeVisible();
    await expect(page.getByText("Choose tier 1, 2 or 3")).toBeVisible();
    // Nothing typed is lost after a refused submit.
    await expect(page.getByLabel("Name")).toHaveValue(name);

    await page.getByLabel("Repository").fill("https://git.example.com/checkout");
    await page.getByLabel("Tier").selectOption({ label: "Tier 2" });
    await page.getByRole("button", { name: /create service/i }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(/no reviews yet/i)).toBeVisible();
    await expectAccessible(page);
    const repo = page.getByRole("link", { name: /git\.example\.com\/checkout|repository/i }).first();
    await expect(repo).toHaveAttribute("rel", /noopener/);

    await page.getByRole("link", { name: /^edit/i }).click();
    await page.getByLabel("Description").fill("Takes the money.");
    await page.getByRole("button", { name: /save/i }).click();
    await expect(page.getByText("Takes the money.")).toBeVisible();
  });

  test("the services list searches and filters in the URL", async ({ page }) => {
    const team = await createTeam();
    const viewer = await createUser("VIEWER");
    const wanted = await createService(team, { name: uniq("Needle"), tier: 1 });
    await createService(team, { name: uniq("Haystack"), tier: 3 });
    await signIn(page, viewer);
    await page.goto(`/services?q=${encodeURIComponent(wanted.name)}`);
    await expectAccessible(page);
    await expect(page.getByRole("link", { name: wanted.name })).toBeVisible();
    await expect(page.getByRole("link", { name: /Haystack/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("link", { name: wanted.name })).toBeVisible();
  });

  test("a viewer and an editor of another team get no edit controls and cannot edit", async ({ page }) => {
    const owners = await createTeam();
    const others = await createTeam();
    const service = await createService(owners);
    const outsider = await createUser("EDITOR", [others]);
    await signIn(page, outsider);
    await page.goto(`/services/${service.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
    await expect(page.getByRole("link", { name: /^edit/i })).toHaveCount(0);
    await page.goto(`/services/${service.slug}/edit`);
    await expect(page.getByRole("button", { name: /save/i })).toHaveCount(0);
  });

  test("an unknown service is a friendly 404", async ({ page }) => {
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer);
    const response = await page.goto("/services/does-not-exist-anywhere");
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
  });
  test("the service page shows what the deploy gate tells a pipeline, which can fail on the status alone", async ({ page, request }) => {
    const team = await createTeam();
    const editor = await createUser("EDITOR", [team]);
    const service = await createService(team, { name: uniq("Gatekeeper"), tier: 2 });
    await signIn(page, editor);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/services/${service.slug}`);
      const card = page.getByRole("heading", { name: "Deploy gate" }).locator("xpath=ancestor::div[contains(@class,'rounded-lg')][1]");
      await expect(card.getByText("No-go", { exact: true })).toBeVisible();
      await expect(card.getByText(`${service.name} has no decided readiness review`)).toBeVisible();
      await card.getByText("Ask it from a pipeline").click();
      await expect(card.locator("code")).toContainText(`/api/v1/services/${service.slug}/gate?strict=true`);
      await expectAccessible(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    }

    const token = await createApiToken(editor.id);
    const headers = { Authorization: `Bearer ${token}` };
    const open = await request.get(`/api/v1/services/${service.slug}/gate`, { headers });
    expect(open.status()).toBe(200);
    expect(await open.json()).toMatchObject({ verdict: "NO_GO", pass: false, decision: null });
    const strict = await request.get(`/api/v1/services/${service.slug}/gate?strict=true`, { headers });
    expect(strict.status()).toBe(409);
    const bad = await request.get(`/api/v1/services/${service.slug}/gate?strict=maybe`, { headers });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty("strict");
  });
});
