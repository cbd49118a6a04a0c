import type { Page } from "@playwright/test";
import { createTeam, createUser, sql, uniq } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

// Every test makes its own admin, people and teams. The tier targets are only looked at, never saved:
// other specs depend on the defaults.

async function searchUsers(page: Page, query: string) {
  await page.getByRole("searchbox", { name: "Search" }).fill(query);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query).replace(/[.]/g, "\\.")}`));
}

async function userAuditActions(userId: string, actorId: string): Promise<string[]> {
  const { rows } = await sql().query<{ action: string }>(
    "SELECT action FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND actor_id = $2 ORDER BY id",
    [userId, actorId],
  );
  return rows.map((r) => r.action);
}

test.describe("admin", () => {
  test("an admin changes a user's role and team and sees it in the list", async ({ page }) => {
    const [oldTeam, newTeam] = await Promise.all([createTeam(uniq("Old team")), createTeam(uniq("New team"))]);
    const admin = await createUser("ADMIN");
    const person = await createUser("VIEWER", [oldTeam]);
    await signIn(page, admin, "/services");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
    await searchUsers(page, person.email);
    const before = page.getByRole("row").filter({ hasText: person.email });
    await expect(before).toContainText("Viewer");
    await expect(before).toContainText(oldTeam.name);

    await before.getByRole("link", { name: new RegExp(person.name) }).click();
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Editor" });
    await page.getByRole("checkbox", { name: oldTeam.name }).uncheck();
    await page.getByRole("checkbox", { name: newTeam.name }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Saved changes to ${person.name}.`)).toBeVisible();

    // A second save builds on the version the first one returned, so it is not mistaken for a conflict.
    await page.getByRole("checkbox", { name: oldTeam.name }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => userAuditActions(person.id, admin.id)).toEqual(["user.updated", "user.updated"]);
    await expect(page.getByText("Someone else changed this user; reload")).toHaveCount(0);
    await expect(page.getByText(`Saved changes to ${person.name}.`)).toBeVisible();

    await page.getByRole("link", { name: "Back to users" }).click();
    await searchUsers(page, person.email);
    const after = page.getByRole("row").filter({ hasText: person.email });
    await expect(after).toContainText("Editor");
    await expect(after).toContainText(newTeam.name);
    await expect(after).toContainText(oldTeam.name);
  });

  test("an admin cannot demote themselves, and a stale form is refused", async ({ page }) => {
    const admin = await createUser("ADMIN");
    const person = await createUser("EDITOR");
    await signIn(page, admin, `/admin/users/${admin.id}`);
    await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Viewer" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("You can't remove your own admin role. Ask another admin to do it.").first()).toBeVisible();
    // Refused, with the choice still on screen.
    await expect(page.getByRole("combobox", { name: "Role", exact: true })).toHaveValue("VIEWER");

    await page.goto(`/admin/users/${person.id}`);
    await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
    await sql().query("UPDATE users SET name = name || ' (renamed)', updated_at = now() + interval '1 second' WHERE id = $1", [person.id]);
    await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Approver" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this user; reload" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Reload to see their changes" })).toBeVisible();
  });

  test("an admin invites a user and creates a team; a taken email or slug is shown on its field", async ({ page }) => {
    const admin = await createUser("ADMIN");
    const existing = await createUser("VIEWER");
    const team = await createTeam(uniq("Invite team"));
    await signIn(page, admin, "/admin/users/new");

    await page.getByLabel("Email").fill(existing.email.toUpperCase());
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Someone New");
    await page.getByRole("button", { name: "Invite user" }).click();
    await expect(page.getByText("A user with this email already exists")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Someone New");

    const email = `${uniq("invitee")}@example.com`;
    await page.getByLabel("Email").fill(email);
    await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Approver" });
    await page.getByRole("checkbox", { name: team.name }).check();
    await page.getByRole("button", { name: "Invite user" }).click();
    await expect(page.getByText(`Invited Someone New (${email})`)).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("");

    await page.goto("/admin/teams");
    await page.getByLabel("Team name").fill("Duplicate of an existing slug");
    await page.getByLabel("Slug").fill(team.slug);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText("That slug is taken; choose another")).toBeVisible();
    await expect(page.getByLabel("Slug")).toHaveValue(team.slug);
  });

  test("a non-admin gets no admin link and cannot open the admin pages", async ({ page }) => {
    const team = await createTeam();
    const approver = await createUser("APPROVER", [team]);
    await signIn(page, approver);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Services" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

    for (const path of ["/admin", "/admin/users", "/admin/settings"]) {
      await page.goto(path);
      await expect(page.getByText("Only admins can manage Shipshape")).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
    }
  });

  test("the users and tier target pages pass an accessibility check", async ({ page }) => {
    const admin = await createUser("ADMIN", [await createTeam()]);
    await signIn(page, admin, "/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Tier targets" })).toBeVisible();
    await expect(page.getByLabel("Tier 1 (most critical) target")).toHaveValue(/^[1-4]$/);
    await expect(page.getByText(/Decided reviews keep the target frozen/)).toBeVisible();
    await expectAccessible(page);
  });
});
