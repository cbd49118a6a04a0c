import type { Page } from "@playwright/test";
import { createApiToken, createService, createTeam, createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { draftReviewWithAnswers } from "./support/review-data";
import { latestTemplate } from "./support/reviews";

const LOGGING = "Logging & Observability";
const HEALTH_ITEM = "health.healthz-endpoint";

async function world() {
  const owners = await createTeam();
  const others = await createTeam();
  const editor = await createUser("EDITOR", [owners]);
  const teammate = await createUser("EDITOR", [owners]);
  const leaver = await createUser("EDITOR", [owners]);
  const outsider = await createUser("EDITOR", [others]);
  const viewer = await createUser("VIEWER");
  const service = await createService(owners, { tier: 3 });
  // Everything is answered except the two concerns the tests work on.
  const open = (await latestTemplate()).items.filter((i) => ["logging", "health"].includes(i.concernKey)).map((i) => i.key);
  const reviewId = await draftReviewWithAnswers(service.id, editor.id, 3, open);
  return { owners, editor, teammate, leaver, outsider, viewer, service, reviewId };
}

const control = (page: Page) => page.getByRole("region", { name: "Who works on this concern" });

test.describe("splitting a review's work by concern", () => {
  test("an editor assigns a concern to a teammate, sets its status and sees both on the overview", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const w = await world();
    await signIn(page, w.editor, `/reviews/${w.reviewId}/concerns/logging`);
    const form = control(page);
    const assignee = form.getByLabel("Assigned to");
    const status = form.getByLabel("Status");
    await expect(assignee).toHaveValue("");
    await expect(status).toHaveValue("NOT_STARTED");
    // The list offers the owning team's editors only.
    const options = await assignee.locator("option").allTextContents();
    expect(options).toEqual(expect.arrayContaining(["Nobody yet", w.editor.name, w.teammate.name]));
    expect(options).not.toContain(w.outsider.name);
    await expect(form.getByText("Saving the first answer of a concern that is not started moves it to in progress.")).toBeVisible();
    await expectAccessible(page);

    await assignee.selectOption({ label: w.teammate.name });
    await status.selectOption("IN_PROGRESS");
    // Keyboard: the save button follows the status, and Enter submits.
    await status.press("Tab");
    const save = form.getByRole("button", { name: "Save assignment" });
    await expect(save).toBeFocused();
    await page.keyboard.press("Enter");
    const saved = form.getByText(`Saved: assigned to ${w.teammate.name}, in progress.`);
    await expect(saved).toBeVisible();
    await expect(saved).toBeFocused();

    // Done while items are still unanswered is allowed, and said.
    await status.selectOption("DONE");
    await save.click();
    await expect(form.getByText(`Saved: assigned to ${w.teammate.name}, done.`)).toBeVisible();
    await expect(form.getByText(/^Marked done, but \d+ items are still unanswered\.$/)).toBeVisible();
    await expectAccessible(page);

    const { rows } = await sql().query<{ assignee_id: string; status: string; version: number }>(
      "SELECT assignee_id::text, status::text, version FROM concern_assignments WHERE review_id = $1 AND concern_key = 'logging'",
      [w.reviewId],
    );
    expect(rows).toEqual([{ assignee_id: w.teammate.id, status: "DONE", version: 2 }]);

    await page.goto(`/reviews/${w.reviewId}`);
    const table = page.getByRole("table", { name: /Progress per concern/ });
    await expect(table.getByRole("columnheader", { name: "Assignee" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();
    const row = table.getByRole("row", { name: new RegExp(LOGGING) });
    await expect(row.getByRole("cell", { name: w.teammate.name })).toBeVisible();
    await expect(row.getByText("Done", { exact: true })).toBeVisible();
    await expect(row.getByText(/items are still unanswered/)).toBeVisible();
    const untouched = table.getByRole("row", { name: /Health & Lifecycle/ });
    await expect(untouched.getByRole("cell", { name: "Unassigned" })).toBeVisible();
    await expect(untouched.getByText("Not started", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // A first answer (here through the API) starts a concern that was not started.
    const token = await createApiToken(w.teammate.id);
    const answered = await page.request.put(`/api/v1/reviews/${w.reviewId}/answers/${HEALTH_ITEM}`, {
      headers: { authorization: `Bearer ${token}`, "if-none-match": "*" },
      data: { status: "MET" },
    });
    expect(answered.status()).toBe(201);
    await page.reload();
    await expect(untouched.getByText("In progress", { exact: true })).toBeVisible();
  });

  test("on a phone: a teammate changes the status; the server's field error and a concurrent change are explained", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const w = await world();
    await signIn(page, w.teammate, `/reviews/${w.reviewId}/concerns/logging`);
    const form = control(page);
    await expect(form).toBeVisible();
    const box = await form.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);

    // Someone who leaves the team between loading and saving is refused next to the field, which gets focus.
    await form.getByLabel("Assigned to").selectOption({ label: w.leaver.name });
    await sql().query("DELETE FROM memberships WHERE user_id = $1", [w.leaver.id]);
    await form.getByRole("button", { name: "Save assignment" }).click();
    const assignee = form.getByLabel("Assigned to");
    await expect(form.getByText("Choose an editor of the team that owns this service")).toBeVisible();
    await expect(assignee).toHaveAttribute("aria-invalid", "true");
    await expect(assignee).toBeFocused();
    await expectAccessible(page);

    await assignee.selectOption({ label: w.teammate.name });
    await form.getByLabel("Status").selectOption("IN_PROGRESS");
    // Meanwhile the editor changes the same concern elsewhere: the save is refused, nothing is overwritten.
    await sql().query(
      "INSERT INTO concern_assignments (review_id, concern_key, assignee_id, status, updated_by_id) VALUES ($1, 'logging', $2, 'DONE', $2)",
      [w.reviewId, w.editor.id],
    );
    await form.getByRole("button", { name: "Save assignment" }).click();
    await expect(form.getByRole("alert")).toContainText("Someone else changed who works on this concern");
    await form.getByRole("link", { name: "Reload to see their changes" }).click();
    await expect(control(page).getByLabel("Assigned to")).toHaveValue(w.editor.id);
    await expect(control(page).getByLabel("Status")).toHaveValue("DONE");

    await control(page).getByLabel("Assigned to").selectOption({ label: w.teammate.name });
    await control(page).getByLabel("Status").selectOption("IN_PROGRESS");
    await control(page).getByRole("button", { name: "Save assignment" }).click();
    await expect(control(page).getByText(`Saved: assigned to ${w.teammate.name}, in progress.`)).toBeVisible();

    await page.goto(`/reviews/${w.reviewId}`);
    const row = page.getByRole("table", { name: /Progress per concern/ }).getByRole("row", { name: new RegExp(LOGGING) });
    await expect(row.getByRole("cell", { name: w.teammate.name })).toBeVisible();
    await expect(row.getByText("In progress", { exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test("people who cannot change it read who works on the concern as text", async ({ page }) => {
    const w = await world();
    await sql().query(
      "INSERT INTO concern_assignments (review_id, concern_key, assignee_id, status, updated_by_id) VALUES ($1, 'logging', $2, 'IN_PROGRESS', $2)",
      [w.reviewId, w.teammate.id],
    );
    for (const person of [w.viewer, w.outsider]) {
      await page.context().clearCookies();
      await signIn(page, person, `/reviews/${w.reviewId}/concerns/logging`);
      const text = page.getByRole("region", { name: "Who works on this concern" });
      await expect(text).toContainText(`Assigned to ${w.teammate.name}`);
      await expect(text).toContainText("In progress");
      await expect(text.getByRole("combobox")).toHaveCount(0);
      await expect(text.getByRole("button")).toHaveCount(0);
    }
    await expectAccessible(page);
  });
});
