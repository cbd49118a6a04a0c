import { readFile } from "node:fs/promises";
import { request as playwrightRequest } from "@playwright/test";
import { escapeInline } from "../lib/domain/review-markdown";
import { createService, createTeam, createUser, uniq } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { insertDecidedReview, latestTemplate, type TemplateItem } from "./support/reviews";
import { isoDay, MS_PER_DAY, shiftDays } from "../lib/domain/days";

// Each test makes its own team and service with two decided reviews: between them one L1 item got worse
// (MET → NOT_MET) and one higher-level item got better (NOT_MET → MET).

const DAY = MS_PER_DAY;

async function serviceWithTwoReviews() {
  const template = await latestTemplate();
  const candidates = template.items.filter((item) => item.tiers.includes(2) && !item.isBlocker);
  const regressed = candidates.find((item) => item.level === 1) as TemplateItem;
  const improved = candidates.find((item) => item.level >= 2) as TemplateItem;
  const team = await createTeam(uniq("History team"));
  const service = await createService(team, { name: uniq("History"), tier: 2 });
  const now = Date.now();
  const first = await insertDecidedReview(template, {
    serviceId: service.id,
    tier: 2,
    decidedAt: new Date(now - 90 * DAY),
    trigger: "FIRST_DEPLOY",
    answers: { [improved.key]: "NOT_MET" },
  });
  const second = await insertDecidedReview(template, {
    serviceId: service.id,
    tier: 2,
    decidedAt: new Date(now - 5 * DAY),
    answers: { [regressed.key]: "NOT_MET" },
    evidence: { [improved.key]: [{ url: "https://grafana.example.com/d/history", title: "Latency dashboard" }] },
  });
  return { service, first, second, regressed, improved };
}

test.describe("service history and review reports", () => {
  test("the service page shows the level over time as a table and what changed, regressions first", async ({ page }) => {
    const { service, regressed, improved } = await serviceWithTwoReviews();
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer, `/services/${service.slug}`);
    await expect(page.getByRole("heading", { level: 2, name: "History" })).toBeVisible();

    const trend = page.getByRole("region", { name: "Level and verdict over time" });
    await trend.getByText("Show as table").click();
    const table = trend.getByRole("table", { name: new RegExp(`Decided reviews of ${service.name}`) });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("row").nth(1)).toContainText("Before first deploy");
    await expect(table.getByRole("row").nth(2)).toContainText("Quarterly production review");

    const compare = page.getByRole("region", { name: "What changed between two reviews" });
    await expect(compare.getByText(/2 answers changed: 1 regression, 1 improvement, 0 other changes/)).toBeVisible();
    const rows = compare.getByRole("table", { name: /Answers that changed between the two reviews/ }).getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText(regressed.title);
    await expect(rows.nth(1)).toContainText("Regression");
    await expect(rows.nth(2)).toContainText(improved.title);
    await expect(rows.nth(2)).toContainText("Improvement");
    await expectAccessible(page);

    // The same review on both sides: nothing to compare, and the keyboard-operable form says so.
    await compare.getByLabel("Compare", { exact: true }).selectOption({ index: 0 });
    await compare.getByLabel("with", { exact: true }).selectOption({ index: 0 });
    await compare.getByRole("button", { name: "Show changes" }).press("Enter");
    await expect(page.getByText("Choose two different reviews")).toBeVisible();

    await page.goto(`/services/${service.slug}?from=not-a-review&to=also-not`);
    await expect(page.getByText("These reviews can't be compared")).toBeVisible();
  });

  test("a decided review prints as a report and downloads as Markdown", async ({ page, baseURL }) => {
    const { service, second, improved } = await serviceWithTwoReviews();
    const viewer = await createUser("VIEWER");
    await signIn(page, viewer, `/reviews/${second}/report`);
    await expect(page.getByRole("heading", { level: 1, name: service.name })).toBeVisible();
    await expect(page.getByText(/Frozen at the decision/)).toBeVisible();
    await expect(page.getByRole("rowheader", { name: new RegExp(improved.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) })).toBeVisible();
    await expect(page.getByRole("link", { name: "Latency dashboard" })).toHaveAttribute("href", "https://grafana.example.com/d/history");
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await expectAccessible(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download Markdown" }).click();
    const download = await downloading;
    const day = isoDay(shiftDays(new Date(), -5));
    expect(download.suggestedFilename()).toBe(`review-${service.slug}-${day}.md`);
    const markdown = await readFile((await download.path()) ?? "", "utf8");
    expect(markdown).toContain(`# Readiness review: ${escapeInline(service.name)}`);
    expect(markdown).toContain(`| ${escapeInline(improved.title)} | L${improved.level} | Met |`);
    expect(markdown).toContain("[Latency dashboard](https://grafana.example.com/d/history)");

    const response = await page.request.get(`/exports/reviews/${second}`);
    expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");

    // The CSV counts what the report's concern table counts, N/A as its own column.
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", `/exports/reviews/${second}/counts.csv`);
    const csv = await page.request.get(`/exports/reviews/${second}/counts.csv`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const csvRows = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(csvRows[0]).toBe("Concern,Items,Answered,Met,N/A,Waived,Partially met,Not met,Unanswered");
    const table = page.getByRole("table", { name: "Outcomes per concern" });
    const firstConcern = table.getByRole("row").nth(1);
    const cells = (await firstConcern.getByRole("cell").allTextContents()).map((cell) => cell.trim());
    const [answered, total] = cells[0]!.split("/");
    // The eight counts close the row, whatever the concern's title holds.
    const [items, csvAnswered, ...outcomes] = csvRows[1]!.split(",").slice(-8);
    expect([items, csvAnswered, ...outcomes.slice(0, 5)]).toEqual([total, answered, ...cells.slice(1)]);
    const missing = await page.request.get("/exports/reviews/00000000-0000-4000-8000-000000000000");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });

    const anonymous = await playwrightRequest.newContext({ baseURL });
    const refused = await anonymous.get(`/exports/reviews/${second}`, { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    await anonymous.dispose();
  });
});
