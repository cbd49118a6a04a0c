import { expect, test } from "@playwright/test";
import { createTeam, createUser } from "./support/db";
import { signIn } from "./support/fixtures";

test.describe("review API", () => {
  test("anonymous requests get 401 JSON and unknown endpoints 404 JSON", async ({ request }) => {
    const anonymous = await request.get("/api/v1/services");
    expect(anonymous.status()).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    const unknown = await request.get("/api/v1/nothing-here");
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  test("the OpenAPI document is served", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/reviews/{id}/answers/{itemKey}");
  });

  test("a signed-in browser session can use the API, and a token created in the UI works once shown", async ({ page, request }) => {
    const team = await createTeam();
    const editor = await createUser("EDITOR", [team]);
    await signIn(page, editor);
    const viaSession = await page.request.get("/api/v1/services");
    expect(viaSession.status()).toBe(200);

    await page.goto("/settings/tokens");
    await page.getByLabel("Token name").fill("pipeline");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("Your new token").inputValue();
    expect(token).toMatch(/^ss_/);
    const viaToken = await request.get("/api/v1/services", { headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.status()).toBe(200);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke token pipeline" }).click();
    await expect(page.getByText("Revoked")).toBeVisible();
    const revoked = await request.get("/api/v1/services", { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
  });
});
