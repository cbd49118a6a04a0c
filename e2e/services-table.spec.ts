import { readFile } from "node:fs/promises";
import { createService, createTeam, createUser, sql, uniq } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

// Each test makes its own services under a unique prefix and searches for it, so other tests' rows never show.
// Summary columns are written with SQL, the way a decided review leaves them.

type Summary = { level: number | null; verdict: "GO" | "CONDITIONAL_GO" | "NO_GO" | null; daysAgo: number | null };

async function decide(serviceId: string, { level, verdict, daysAgo }: Summary) {
  await sql().query(
    `UPDATE services SET current_level = $2, current_verdict = $3::"Verdict",
       last_decided_at = CASE WHEN $4::int IS NULL THEN NULL ELSE now() - make_interval(days => $4::int) END
     WHERE id = $1`,
    [serviceId, level, verdict, daysAgo],
  );
}

/** Tier 1 targets L3: alpha meets it, bravo is below and overdue, delta is above; charlie is tier 2. */
async function makePortfolio() {
  const prefix = uniq("tbl");
  const team = await createTeam();
  const alpha = await createService(team, { name: `${prefix} alpha`, tier: 1 });
  const bravo = await createService(team, { name: `${prefix} bravo`, tier: 1 });
  const charlie = await createService(team, { name: `${prefix} charlie`, tier: 2 });
  const delta = await createService(team, { name: `${prefix} delta`, tier: 1 });
  await decide(alpha.id, { level: 3, verdict: "GO", daysAgo: 10 });
  await decide(bravo.id, { level: 1, verdict: "NO_GO", daysAgo: 120 });
  await decide(charlie.id, { level: 2, verdict: "GO", daysAgo: 5 });
  await decide(delta.id, { level: 4, verdict: "GO", daysAgo: 30 });
  return { prefix, team, alpha, bravo, charlie, delta };
}

test.describe("services table", () => {
  test("filters by tier and search, keeps the view on reload, and sorts by level", async ({ page }) => {
    const { prefix, alpha, bravo, delta } = await makePortfolio();
    await signIn(page, await createUser("VIEWER"));

    await page.goto("/services");
    await page.getByLabel("Search", { exact: true }).fill(prefix);
    await page.getByLabel("Tier", { exact: true }).selectOption("1");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]tier=1(&|$)/);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
    const names = page.getByRole("rowheader");
    await expect(names).toHaveText([alpha.name, bravo.name, delta.name]);

    await page.reload();
    await expect(names).toHaveText([alpha.name, bravo.name, delta.name]);
    await expect(page.getByLabel("Search", { exact: true })).toHaveValue(prefix);
    await expect(page.getByLabel("Tier", { exact: true })).toHaveValue("1");
    const bravoRow = page.getByRole("row", { name: new RegExp(bravo.name) });
    await expect(bravoRow).toContainText("Overdue");
    await expect(bravoRow).toContainText("target L3");
    await expect(bravoRow).toContainText("Below target");
    await expect(bravoRow.getByRole("link", { name: bravo.name })).toHaveAttribute("href", `/services/${bravo.slug}`);
    await expectAccessible(page);

    const levelHeader = page.getByRole("columnheader", { name: "Level vs target" });
    await expect(levelHeader).not.toHaveAttribute("aria-sort", /.+/);
    await levelHeader.getByRole("link").click();
    await expect(levelHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(page).toHaveURL(/[?&]sort=level(&|$)/);
    // Furthest below target first.
    await expect(names).toHaveText([bravo.name, alpha.name, delta.name]);
    await levelHeader.getByRole("link").click();
    await expect(levelHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
    await expect(names).toHaveText([delta.name, alpha.name, bravo.name]);
    await expect(page.getByRole("columnheader", { name: "Service" })).not.toHaveAttribute("aria-sort", /.+/);
  });

  test("exports exactly the services of the current view as CSV", async ({ page }) => {
    const { prefix, bravo } = await makePortfolio();
    await signIn(page, await createUser("VIEWER"));
    await page.goto(`/services?q=${encodeURIComponent(prefix)}&target=below`);
    await expect(page.getByRole("rowheader")).toHaveText([bravo.name]);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^services-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await download.path(), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...records] = text
      .slice(1)
      .split("\r\n")
      .filter((line) => line !== "");
    expect(header).toBe(
      "Service,Slug,Team,Tier,Level,Target level,Level vs target,Last verdict,Last decided (UTC),Next review due (UTC),Review overdue,Open blockers,Active waivers",
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatch(
      new RegExp(`^${bravo.name},${bravo.slug},[^,]+,1,1,3,Below target,No-go,\\d{4}-\\d{2}-\\d{2},\\d{4}-\\d{2}-\\d{2},Yes,0,0$`),
    );
  });

  test("the export refuses a request without a valid session", async ({ request }) => {
    // The proxy only redirects visitors without a session cookie; the route must still check the session itself.
    const response = await request.get("/exports/services.csv", {
      headers: { cookie: "next-auth.session-token=not-a-real-session" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  test("tells 'no match' apart and offers to clear the filters", async ({ page }) => {
    const { prefix } = await makePortfolio();
    await signIn(page, await createUser("VIEWER"));
    await page.goto(`/services?q=${encodeURIComponent(prefix)}&verdict=CONDITIONAL_GO&sort=tier`);
    await expect(page.getByRole("heading", { name: "No services match these filters" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/services\?sort=tier$/);
    await expect(page.getByRole("table")).toBeVisible();
  });
});
