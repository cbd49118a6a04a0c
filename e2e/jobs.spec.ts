import { PgBoss } from "pg-boss";
import { createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

// The server under test runs the job worker in-process (the default JOBS_MODE). The test enqueues the real
// maintenance job twice, once with a payload its schema refuses, and reads both outcomes on /admin/jobs.

const JOB = "prune-rate-limits";

async function enqueue(data: object): Promise<string> {
  // A producer only: no schedules, no maintenance, pg-boss's schema as db:migrate left it.
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, migrate: false, schedule: false, supervise: false, max: 1 });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    const id = await boss.send(JOB, data);
    if (!id) throw new Error("job not sent");
    return id;
  } finally {
    await boss.stop({ graceful: false });
  }
}

async function stateOf(id: string): Promise<string | undefined> {
  const { rows } = await sql().query<{ state: string }>("SELECT state::text FROM pgboss.job WHERE id = $1", [id]);
  return rows[0]?.state;
}

test("an admin sees recent job runs, their failures and filters them by state", async ({ page }) => {
  const admin = await createUser("ADMIN");
  const succeeded = await enqueue({ graceSeconds: 7200 });
  const refused = await enqueue({ graceSeconds: "soon" });
  await expect.poll(() => stateOf(succeeded), { timeout: 20_000 }).toBe("completed");
  await expect.poll(() => stateOf(refused), { timeout: 20_000 }).toBe("failed");

  await signIn(page, admin, "/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  const job = page.getByRole("region", { name: "Jobs" }).getByRole("row").filter({ hasText: JOB });
  await expect(job).toContainText("7 * * * *");
  await expect(job).toContainText("Up to 4");

  const runs = page.getByRole("region", { name: "Job runs" });
  const ofJob = runs.getByRole("row").filter({ hasText: JOB });
  await expect(ofJob.filter({ hasText: "Succeeded" }).first()).toContainText("1 of 4");
  await expect(ofJob.filter({ hasText: "Invalid payload" }).first()).toContainText("Failed");
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Failed" });
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(/state=failed/);
  await expect(ofJob.first()).toContainText("graceSeconds");
  await expect(runs.getByRole("row").filter({ hasText: "Succeeded" })).toHaveCount(0);

  await page.goto("/admin/jobs?state=cancelled");
  await expect(page.getByRole("heading", { name: "No runs in this state" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/jobs?state=failed");
  await expect(ofJob.filter({ hasText: "Invalid payload" }).first()).toBeVisible();
  await expectAccessible(page);
  // The wide table scrolls inside its own region; the page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("someone who is not an admin cannot see the job runs", async ({ page }) => {
  const editor = await createUser("EDITOR");
  await signIn(page, editor, "/admin/jobs");
  await expect(page.getByRole("region", { name: "Job runs" })).toHaveCount(0);
  await expect(page.getByText("Only admins can manage Shipshape")).toBeVisible();
});
