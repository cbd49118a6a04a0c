import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { createService, createTeam, createUser, sql } from "./support/db";
import { expect, signIn, test } from "./support/fixtures";
import { teamWithDraftReview } from "./support/review-data";

// What an attacker tries from the browser: writes from another origin riding on the session cookie, redirects
// off-site after sign-in, addresses that used to crash the server, and scripts the CSP must stop.

/** A page on another origin of the same site (127.0.0.1, another port), so the browser sends it our cookies. */
async function foreignPage(html: (origin: string) => string) {
  let body = "";
  const server = http.createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  body = html(origin);
  return { url: `${origin}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function reviewCount(serviceId: string): Promise<number> {
  const { rows } = await sql().query<{ n: number }>("SELECT count(*)::int AS n FROM reviews WHERE service_id = $1", [serviceId]);
  return rows[0]!.n;
}

test.describe("cross-site request forgery", () => {
  test("a page on another origin cannot start a review with the editor's session; Shipshape itself still can", async ({
    page,
    baseURL,
  }) => {
    const team = await createTeam();
    const editor = await createUser("EDITOR", [team]);
    const service = await createService(team);
    await signIn(page, editor);
    const endpoint = `${baseURL}/api/v1/services/${service.slug}/reviews`;

    const attacker = await foreignPage(
      () => `<!doctype html><title>loading</title><script>
        fetch(${JSON.stringify(endpoint)}, { method: "POST", mode: "no-cors", credentials: "include",
          headers: { "Content-Type": "text/plain;x=application/json" }, body: JSON.stringify({ trigger: "MAJOR_RELEASE" }) })
          .then(() => { document.title = "sent"; }, () => { document.title = "failed"; });
      </script>`,
    );
    try {
      const sent = page.waitForResponse((response) => response.url() === endpoint);
      await page.goto(attacker.url);
      await expect(page).toHaveTitle("sent");
      expect((await sent).status()).toBe(403);
    } finally {
      await attacker.close();
    }
    expect(await reviewCount(service.id)).toBe(0);

    // The same write with the session: a foreign Origin or a text content type is refused, the real thing works.
    const data = { trigger: "MAJOR_RELEASE" };
    const foreign = await page.request.post(endpoint, { data, headers: { origin: "http://127.0.0.1:1" } });
    expect(foreign.status()).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    const textType = await page.request.post(endpoint, {
      data: JSON.stringify(data),
      headers: { origin: baseURL!, "content-type": "text/plain;x=application/json" },
    });
    expect(textType.status()).toBe(400);
    expect(await reviewCount(service.id)).toBe(0);
    const own = await page.request.post(endpoint, { data, headers: { origin: baseURL! } });
    expect(own.status()).toBe(201);
    expect(await reviewCount(service.id)).toBe(1);
  });

  test("a server action posted from another origin gets a 403 page, not a 500", async ({ page, baseURL }) => {
    const team = await createTeam();
    const editor = await createUser("EDITOR", [team]);
    await signIn(page, editor);
    const target = `${baseURL}/services/new`;
    const attacker = await foreignPage(
      () => `<!doctype html><title>win a prize</title>
        <form method="post" enctype="multipart/form-data" action="${target}">
          <input type="hidden" name="$ACTION_ID_00ab" value=""><input type="hidden" name="name" value="Pwned">
        </form><script>document.forms[0].submit();</script>`,
    );
    try {
      const posted = page.waitForResponse((response) => response.url() === target && response.request().method() === "POST");
      await page.goto(attacker.url);
      expect((await posted).status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Request refused" })).toBeVisible();
    } finally {
      await attacker.close();
    }
    const fetchAction = await page.request.post(target, {
      headers: { origin: "http://127.0.0.1:1", "next-action": "7f00ab", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(fetchAction.status()).toBe(403);
  });
});

test.describe("sign-in redirects", () => {
  for (const callback of ["/%5Cevil.example/phish", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    test(`a signed-in visit to /signin?callbackUrl=${callback} stays on Shipshape`, async ({ page, baseURL }) => {
      const team = await createTeam();
      await signIn(page, await createUser("VIEWER", [team]));
      await page.route(
        (url) => url.hostname === "evil.example",
        (route) => route.fulfill({ contentType: "text/html", body: "<title>phished</title>" }),
      );
      await page.goto(`/signin?callbackUrl=${callback}`);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      // Home, which is the portfolio for a viewer.
      await expect(page).toHaveURL(/\/portfolio$/);
      await expect(page).not.toHaveTitle("phished");
    });
  }

  test("the sign-in callback never answers an off-site or malformed callbackUrl with a redirect away, or a 500", async ({
    page,
    baseURL,
  }) => {
    const user = await createUser("VIEWER", [await createTeam()]);
    for (const callbackUrl of ["\\\\evil.example", "/\\evil.example", "/\tevil", "https://evil.example/x", "/portfolio?from=2026-Q1"]) {
      const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await page.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: user.email, password: user.password, callbackUrl },
        maxRedirects: 0,
      });
      expect(response.status(), callbackUrl).toBe(302);
      const location = new URL(response.headers().location ?? "", baseURL);
      expect(location.origin, callbackUrl).toBe(new URL(baseURL!).origin);
      if (callbackUrl.startsWith("/portfolio")) expect(`${location.pathname}${location.search}`).toBe(callbackUrl);
    }
  });
});

test.describe("hostile addresses", () => {
  const cases = [
    "/api/v1/services/%E0%A4%A",
    "/api/v1/services/%ff",
    "/api/v1/reviews/%ff/answers/x",
    "/api/v1/services/a%00b",
    "/api/v1/services?q=a%00b",
    "/services/%ff",
    "/services/%E0%A4%A/edit",
    "/reviews/%ff",
    "/quarterly/%ff",
    "/exports/reviews/%ff",
    "/services/a%00b",
    "/services?q=a%00b",
    "/reviews?q=%00",
  ];

  test("answer 4xx with a JSON error under /api and an HTML page elsewhere, never 500", async ({ page }) => {
    await signIn(page, await createUser("EDITOR", [await createTeam()]));
    for (const path of cases) {
      const response = await page.request.get(path, { headers: { accept: path.startsWith("/api/") ? "application/json" : "text/html" } });
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(response.status(), path).toBeLessThan(500);
      if (path.startsWith("/api/")) {
        expect(response.headers()["content-type"], path).toContain("application/json");
        expect(((await response.json()) as { error: { code: string } }).error.code, path).toBe("BAD_REQUEST");
      } else {
        expect(response.headers()["content-type"], path).toContain("text/html");
        expect(await response.text(), path).toContain("<h1>Bad request</h1>");
      }
    }
  });
});

/** CSP violations the page reports, collected from the moment the document starts. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

test.describe("content security policy", () => {
  test("pages run only nonce-carrying scripts, say no to plugins and foreign form targets, and add HSTS only over https", async ({
    request,
  }) => {
    const first = await request.get("/signin");
    const second = await request.get("/signin");
    const policy = first.headers()["content-security-policy"] ?? "";
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy.split("; ")).toEqual(expect.arrayContaining(["object-src 'none'", "form-action 'self'", "frame-ancestors 'none'"]));
    expect(second.headers()["content-security-policy"]).not.toBe(policy);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);

    expect(first.headers()["strict-transport-security"]).toBeUndefined();
    const behindTls = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  });

  test("the main pages hydrate with no CSP violation", async ({ page }) => {
    const { editor, service, reviewId } = await teamWithDraftReview();
    const violations = await watchCsp(page);
    await signIn(page, editor);
    for (const path of [
      "/services",
      `/services/${service.slug}`,
      "/reviews",
      `/reviews/${reviewId}`,
      `/reviews/${reviewId}/report`,
      "/portfolio",
      "/quarterly",
      "/settings/tokens",
    ]) {
      await page.goto(path);
      // React marks the elements it has hydrated; a blocked script would leave the server HTML inert.
      await page.waitForFunction(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__react")));
      expect(await violations(), path).toEqual([]);
    }
    // A client-side navigation (the same document, so the marker survives) needs the framework's scripts.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" }).click();
    await expect(page).toHaveURL(/\/portfolio$/);
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    expect(await violations()).toEqual([]);
  });
});
