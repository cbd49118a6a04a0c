import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UNMATCHED_ROUTE, createRouteLabeler, readRouteTemplates, templateOfAppFile } from "@/lib/server/route-templates";

const templates = [
  "/",
  "/services",
  "/services/new",
  "/services/[slug]",
  "/services/[slug]/edit",
  "/reviews/[id]/concerns/[concernKey]",
  "/api/v1/services",
  "/api/v1/reviews/[id]",
  "/api/v1/reviews/[id]/answers/[itemKey]",
  "/api/v1/openapi.json",
  "/api/v1/[...path]",
  "/api/auth/[...nextauth]",
  "/docs/[[...page]]",
  "/_not-found",
];

describe("createRouteLabeler", () => {
  const label = createRouteLabeler(templates);

  it.each([
    ["/", "/"],
    ["/services", "/services"],
    ["/services/new", "/services/new"],
    ["/services/payments-api", "/services/[slug]"],
    ["/services/payments-api/edit", "/services/[slug]/edit"],
    ["/reviews/0b8e/concerns/health", "/reviews/[id]/concerns/[concernKey]"],
    ["/api/v1/reviews/0b8e4f2c-7d1a-4c3e-9a55-1f2e3d4c5b6a", "/api/v1/reviews/[id]"],
    ["/api/v1/reviews/x/answers/health.healthz-endpoint", "/api/v1/reviews/[id]/answers/[itemKey]"],
    ["/api/v1/openapi.json", "/api/v1/openapi.json"],
    ["/api/v1/nothing/here", "/api/v1/[...path]"],
    ["/api/auth/callback/oidc", "/api/auth/[...nextauth]"],
    ["/docs", "/docs/[[...page]]"],
    ["/docs/a/b", "/docs/[[...page]]"],
    ["/_next/static/chunks/app.js", "/_next/static"],
    ["/_next/image", "/_next"],
    ["/_not-found", UNMATCHED_ROUTE],
    ["/services/a/b/c", UNMATCHED_ROUTE],
    ["/wp-login.php", UNMATCHED_ROUTE],
  ])("%s → %s", (pathname, expected) => {
    expect(label(pathname)).toBe(expected);
  });

  it("gives 500 random unknown paths one label", () => {
    const labels = new Set(Array.from({ length: 500 }, () => label(`/${Math.random().toString(36).slice(2)}/${Math.random()}`)));
    expect([...labels]).toEqual([UNMATCHED_ROUTE]);
  });
});

describe("route templates of the app", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "routes-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ["(app)/services/[slug]/page.tsx", "/services/[slug]"],
    ["(app)/reviews/(list)/page.tsx", "/reviews"],
    ["page.tsx", "/"],
    ["api/v1/[...path]/route.ts", "/api/v1/[...path]"],
    ["(app)/services/[slug]/layout.tsx", undefined],
  ])("%s → %s", (file, expected) => {
    expect(templateOfAppFile(file)).toBe(expected);
  });

  it("reads the app folder without a build, and the build's manifest with one", () => {
    mkdirSync(path.join(root, "app", "(app)", "services", "[slug]"), { recursive: true });
    writeFileSync(path.join(root, "app", "(app)", "services", "[slug]", "page.tsx"), "");
    writeFileSync(path.join(root, "app", "page.tsx"), "");
    expect(readRouteTemplates(root).sort()).toEqual(["/", "/services/[slug]"]);

    mkdirSync(path.join(root, ".next"));
    writeFileSync(
      path.join(root, ".next", "app-path-routes-manifest.json"),
      JSON.stringify({ "/(app)/portfolio/page": "/portfolio", "/readyz/route": "/readyz" }),
    );
    expect(readRouteTemplates(root).sort()).toEqual(["/portfolio", "/readyz"]);
  });

  it("covers every route of this app from its source", () => {
    const label = createRouteLabeler(readRouteTemplates());
    expect(label("/services/some-service")).toBe("/services/[slug]");
    expect(label("/api/v1/reviews/abc")).toBe("/api/v1/reviews/[id]");
  });
});
