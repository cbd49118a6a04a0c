import { createTeam, createUser, sql, uniq } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

const OIDC_CONTROL = `http://127.0.0.1:${Number(process.env.E2E_OIDC_PORT ?? 4011) + 1}/_identity`;

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to sign-in and comes back afterwards", async ({ page }) => {
    const team = await createTeam();
    const user = await createUser("EDITOR", [team]);
    await page.goto("/services");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fservices/);
    await expectAccessible(page);
    await signIn(page, user, "/services");
    await expect(page).toHaveURL(/\/services$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByText(user.name, { exact: true })).toBeVisible();
  });

  test("a wrong password shows a message and no session", async ({ page }) => {
    const user = await createUser("VIEWER");
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("That email and password do not match a demo account.")).toBeVisible();
    await page.goto("/services");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("signing out ends the session", async ({ page }) => {
    const user = await createUser("VIEWER");
    await signIn(page, user);
    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/services");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe.serial("single sign-on through OIDC", () => {
  test("a first OIDC sign-in creates a viewer account named by the provider", async ({ page, request }) => {
    const name = uniq("Oidc Person");
    const email = `${name.toLowerCase().replace(/\s+/g, ".")}@example.com`;
    const response = await request.post(OIDC_CONTROL, { data: { sub: uniq("sub"), email, name } });
    expect(response.status()).toBe(204);
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
    // Home, which is the portfolio for a new account (a viewer).
    await page.waitForURL(/\/portfolio$/);
    await expect(page.getByText(name, { exact: true })).toBeVisible();
    const { rows } = await sql().query<{ role: string; oidc_subject: string | null }>(
      "SELECT role, oidc_subject FROM users WHERE email = $1",
      [email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe("VIEWER");
    expect(rows[0]?.oidc_subject).toBeTruthy();
  });

  test("a disabled account cannot sign in through OIDC", async ({ page, request }) => {
    const user = await createUser("EDITOR");
    const subject = uniq("sub");
    await sql().query("UPDATE users SET disabled_at = now(), oidc_subject = $2 WHERE id = $1", [user.id, subject]);
    await request.post(OIDC_CONTROL, { data: { sub: subject, email: user.email, name: user.name } });
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
    await expect(page).toHaveURL(/\/signin\?error=/);
    await expect(page.getByText(/account is disabled|sign-in was refused/i)).toBeVisible();
  });
});
