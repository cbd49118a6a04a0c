import type { Browser, Cookie } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { createUser, sql } from "./support/db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";

// Sessions end on the server: a session cookie copied before sign-out (or before "sign out everywhere")
// must not work afterwards, in any browser.

function sessionCookie(cookies: Cookie[]): Cookie {
  const cookie = cookies.find((c) => /next-auth\.session-token/.test(c.name));
  if (!cookie) throw new Error("no session cookie after sign-in");
  return cookie;
}

async function replay(browser: Browser, cookie: Cookie) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([cookie]);
  return context;
}

async function auditActions(userId: string): Promise<{ action: string; actor_id: string | null }[]> {
  const { rows } = await sql().query<{ action: string; actor_id: string | null }>(
    "SELECT action, actor_id::text FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id",
    [userId],
  );
  return rows;
}

test.describe("sessions", () => {
  test("after sign-out the old session cookie no longer works, and the session endpoint does not renew it", async ({ page, browser }) => {
    const user = await createUser("EDITOR");
    await signIn(page, user);
    const copied = sessionCookie(await page.context().cookies());

    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/signin/);

    const stolen = await replay(browser, copied);
    const session = await stolen.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    const setCookie = session.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
    expect(setCookie.filter((h) => /next-auth\.session-token=[^;]/.test(h.value))).toEqual([]);
    expect((await stolen.request.get("/api/v1/services")).status()).toBe(401);
    const replayed = await stolen.newPage();
    await replayed.goto("/services");
    await expect(replayed).toHaveURL(/\/signin/);
    await stolen.close();
    expect((await auditActions(user.id)).map((r) => r.action)).toEqual(["user.signed_out"]);
  });

  test("a person signs out everywhere from their settings, which ends their sessions in other browsers", async ({ page, browser }) => {
    const user = await createUser("VIEWER");
    const elsewhere = await browser.newContext({ baseURL });
    const other = await elsewhere.newPage();
    await signIn(other, user);
    await signIn(page, user, "/settings/sessions");

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
    await expect(page.getByText(/at most 8 hours after signing in/)).toBeVisible();
    await expectAccessible(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin/);

    await other.goto("/services");
    await expect(other).toHaveURL(/\/signin/);
    await elsewhere.close();
    expect(await auditActions(user.id)).toEqual([{ action: "user.sessions_ended", actor_id: user.id }]);
  });

  test("an admin signs a person out everywhere from the admin user page", async ({ page, browser }) => {
    const admin = await createUser("ADMIN");
    const person = await createUser("EDITOR");
    const theirs = await browser.newContext({ baseURL });
    const personPage = await theirs.newPage();
    await signIn(personPage, person);
    await signIn(page, admin, `/admin/users/${person.id}`);

    await expect(page.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signed out everywhere." })).toBeVisible();
    // The admin's own session is untouched.
    await page.goto("/services");
    await expect(page).toHaveURL(/\/services$/);

    await personPage.goto("/services");
    await expect(personPage).toHaveURL(/\/signin/);
    await theirs.close();
    expect(await auditActions(person.id)).toEqual([{ action: "user.sessions_ended", actor_id: admin.id }]);
  });
});
