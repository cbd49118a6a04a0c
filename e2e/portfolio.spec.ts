import { request as playwrightRequest } from "@playwright/test";
import { addQuarters, currentQuarter, quarterStart } from "../lib/domain/quarters";
import { createService, createTeam, createUser, sql, uniq, type TestTeam } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { shiftDays } from "../lib/domain/days";

// Every test makes its own teams and services and filters the page by its team, so figures never depend on
// what other tests wrote into the shared database.

type Verdict = "GO" | "CONDITIONAL_GO" | "NO_GO";

/** A decided review with its summary counts, and the service pointed at its latest decision (as deciding does). */
async function decide(serviceId: string, decidedAt: Date, level: number, verdict: Verdict): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO reviews (service_id, template_id, trigger, status, decided_at, decision, computed_verdict, level, target_level,
       applicable_count, met_count, na_count, waived_count, partial_count, not_met_count, unanswered_count, open_blocker_count)
     VALUES ($1, (SELECT id FROM checklist_templates ORDER BY version DESC LIMIT 1), 'QUARTERLY', 'DECIDED', $2, $3, $3, $4, 2,
       10, 8, 0, 0, 1, 1, 0, 0)
     RETURNING id`,
    [serviceId, decidedAt.toISOString(), verdict, level],
  );
  await sql().query(
    `UPDATE services s SET last_review_id = r.id, last_decided_at = r.decided_at, current_level = r.level,
       current_verdict = COALESCE(r.decision, r.computed_verdict)
     FROM (SELECT * FROM reviews WHERE service_id = $1 AND status = 'DECIDED' ORDER BY decided_at DESC LIMIT 1) r
     WHERE s.id = $1`,
    [serviceId],
  );
  return rows[0]!.id;
}

async function approvedWaiver(reviewId: string, expiresInDays: number) {
  await sql().query(
    `INSERT INTO waivers (review_id, item_id, reason, compensating_control, risk_owner, expires_on, status)
     SELECT r.id, (SELECT id FROM checklist_items WHERE template_id = r.template_id ORDER BY position LIMIT 1),
       'Scheduled', 'Manual check', 'Ops lead', current_date + $2::int, 'APPROVED'
     FROM reviews r WHERE r.id = $1`,
    [reviewId, expiresInDays],
  );
}

/** Two tier-2 services: one moved from L1 (previous quarter) to L2 (now), one steady at L3 with a waiver expiring soon. */
async function seedTeam(): Promise<{ team: TestTeam; previous: string; current: string }> {
  const now = new Date();
  const current = currentQuarter(now);
  const previous = addQuarters(current, -1);
  const inPrevious = shiftDays(quarterStart(current), -10);
  const team = await createTeam(uniq("Portfolio team"));
  const mover = await createService(team, { name: uniq("Mover"), tier: 2 });
  await decide(mover.id, inPrevious, 1, "CONDITIONAL_GO");
  await decide(mover.id, new Date(now.getTime() - 60_000), 2, "GO");
  const steady = await createService(team, { name: uniq("Steady"), tier: 2 });
  await decide(steady.id, inPrevious, 3, "GO");
  const latest = await decide(steady.id, new Date(now.getTime() - 120_000), 3, "GO");
  await approvedWaiver(latest, 10);
  return { team, previous, current };
}

test.describe("portfolio", () => {
  test("a viewer sees headline figures, charts with data tables and a moved service in the matrix", async ({ page }) => {
    const { team, previous, current } = await seedTeam();
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer, `/portfolio?team=${team.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();

    const headline = page.getByRole("region", { name: "Headline figures" });
    await expect(headline.getByText("2 of 2 reviewed services meet their tier's target")).toBeVisible();
    await expect(headline.getByText("At or above target level")).toBeVisible();
    await expect(headline.getByText("Reviews overdue")).toBeVisible();
    await expect(headline.getByText("Waivers expiring in 30 days")).toBeVisible();
    await expect(headline.getByText(/^on 1 service,/)).toBeVisible();

    const charts = [
      { title: "Level distribution per quarter", caption: /Services by maturity level at the end of each quarter/ },
      { title: "Verdicts over time", caption: /Decisions per quarter by verdict/ },
      { title: "Current level by team", caption: "Services by current maturity level, per team" },
    ];
    for (const chart of charts) {
      const card = page.getByRole("region", { name: chart.title });
      await expect(card.getByRole("img", { name: /Stacked bar chart/ })).toBeVisible();
      await card.getByText("Show the data as a table").click();
      await expect(card.getByRole("table", { name: chart.caption })).toBeVisible();
    }
    const teamTable = page.getByRole("table", { name: "Services by current maturity level, per team" });
    // Total column: both of the team's services.
    await expect(
      teamTable
        .getByRole("row", { name: new RegExp(team.name) })
        .getByRole("cell")
        .last(),
    ).toHaveText("2");

    const matrix = page.getByRole("region", { name: `Level movement, ${previous} → ${current}` });
    const l1Row = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "L1", exact: true }) });
    // Columns after the row header: Not reviewed, L0, L1, L2 …
    await expect(l1Row.getByRole("cell").nth(3)).toHaveText("1");
    await expect(matrix.getByText("L1 → L2: 1 service")).toBeVisible();
    await expect(matrix.getByText(/1 service moved up a level or more, 0 moved down, 1 stayed the same/)).toBeVisible();

    await expectAccessible(page);
  });

  test("filters live in the URL, survive a reload and carry over to the CSV export", async ({ page, baseURL }) => {
    const { team } = await seedTeam();
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer, "/portfolio");
    await expectAccessible(page);

    await page.getByLabel("Team", { exact: true }).selectOption({ label: team.name });
    await page.getByLabel("Tier", { exact: true }).selectOption("2");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]team=${team.slug}(&|$)`));
    await expect(page).toHaveURL(/[?&]tier=2(&|$)/);
    await page.reload();
    await expect(page.getByLabel("Team", { exact: true })).toHaveValue(team.slug);
    await expect(page.getByText("2 of 2 reviewed services meet their tier's target")).toBeVisible();

    const download = page.getByRole("link", { name: "Download CSV" });
    await expect(download).toHaveAttribute("href", new RegExp(`^/exports/portfolio\\.csv\\?.*team=${team.slug}`));
    const href = (await download.getAttribute("href")) ?? "";
    const csv = await page.request.get(href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("section,label,value\r\n");
    expect(text).toContain(`Scope,Team,${team.name}\r\n`);
    expect(text).toContain("Headline figures,Services in scope,2\r\n");
    expect(text).toContain("Headline figures,At or above target level (%),100\r\n");

    // The route checks the session itself: a cookie that is not a valid session gets 401 JSON, not figures.
    const forged = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: "next-auth.session-token=not-a-session" } });
    const refused = await forged.get(href, { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    await forged.dispose();
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const signedOut = await anonymous.get(href, { maxRedirects: 0 });
    expect(signedOut.headers()["content-type"] ?? "").not.toContain("text/csv");
    await anonymous.dispose();
  });
});
