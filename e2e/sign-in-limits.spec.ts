import { createUser } from "./support/db";
import { expect, test } from "./support/fixtures";

// Brute force: wrong passwords for one account are limited per minute; beyond the limit the answer is 429 with
// Retry-After, and the sign-in page says how long to wait.

test("the 11th wrong password within a minute gets 429 with Retry-After, and the sign-in page says how long to wait", async ({
  page,
  request,
}) => {
  const user = await createUser("VIEWER");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const guess = () =>
    request.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: "wrong-password", csrfToken, callbackUrl: "/services", json: "true" },
    });
  for (let i = 1; i <= 10; i++) expect((await guess()).status(), `guess ${i}`).toBe(401);
  const refused = await guess();
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);

  // Even the right password waits until the minute is over.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText(/Too many failed sign-in attempts\. Wait \d+ seconds? and try again\./)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
