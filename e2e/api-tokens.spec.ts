import { isoDay as dayOf, shiftDays } from "../lib/domain/days";
import { formatDate } from "../lib/format/dates";
import { createService, createTeam, createUser } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

// Personal API tokens have a scope and an expiry, chosen when they are made: a read-only token cannot change
// anything, and no token lives longer than a year.

function isoDay(daysFromToday: number): string {
  return dayOf(shiftDays(new Date(), daysFromToday));
}

test("a token's access and expiry are chosen and shown; a read-only token is refused writes", async ({ page, request }) => {
  const team = await createTeam();
  const editor = await createUser("EDITOR", [team]);
  const service = await createService(team);
  await signIn(page, editor, "/settings/tokens");
  await expect(page.getByLabel("Expires on")).toHaveValue(isoDay(90));
  await expectAccessible(page);

  // At most a year: the server's validation explains it next to the field.
  await page.getByLabel("Token name").fill("too long");
  await page.getByLabel("Expires on").fill(isoDay(400));
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/Expiry date must be at most 365 days after today/)).toBeVisible();
  await expect(page.getByLabel("Expires on")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Token name").fill("reports");
  await page.getByLabel("Expires on").fill(isoDay(30));
  await page.getByRole("button", { name: "Create token" }).click();
  const readOnly = await page.getByLabel("Your new token").inputValue();
  const row = page.getByRole("row").filter({ hasText: "reports" });
  await expect(row).toContainText("Read only");
  await expect(row).toContainText(formatDate(isoDay(30)));

  await page.getByLabel("Token name").fill("deploys");
  await page.getByLabel("Access").selectOption({ label: "Read and write" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("row").filter({ hasText: "deploys" })).toContainText("Read and write");
  const readWrite = await page.getByLabel("Your new token").inputValue();
  expect(readWrite).not.toBe(readOnly);

  const start = (token: string) =>
    request.post(`/api/v1/services/${service.slug}/reviews`, {
      headers: { authorization: `Bearer ${token}` },
      data: { trigger: "FIRST_DEPLOY" },
    });
  expect((await request.get("/api/v1/services", { headers: { authorization: `Bearer ${readOnly}` } })).status()).toBe(200);
  const refused = await start(readOnly);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  expect((await start(readWrite)).status()).toBe(201);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Create token" })).toBeVisible();
  await expectAccessible(page);
});
