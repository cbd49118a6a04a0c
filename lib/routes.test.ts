import { describe, expect, it } from "vitest";
import {
  ADMIN_SETTINGS_PATH,
  adminUsersHref,
  apiReviewHref,
  concernHref,
  INVITE_USER_PATH,
  NEW_SERVICE_PATH,
  quarterlyHref,
  reviewsListHref,
  serviceHref,
  signInHref,
  withQuery,
} from "./routes";

describe("routes", () => {
  it("encodes what people and the database provide as path segments", () => {
    expect(serviceHref("payments-api")).toBe("/services/payments-api");
    expect(serviceHref("a/b?c")).toBe("/services/a%2Fb%3Fc");
    expect(concernHref("r1", "health checks", "health.healthz-endpoint")).toBe(
      "/reviews/r1/concerns/health%20checks#item-health-healthz-endpoint",
    );
  });

  it("leaves empty query parameters and the first page out", () => {
    expect(withQuery("/x", { q: "", page: undefined, role: null })).toBe("/x");
    expect(adminUsersHref({ q: "ann & bob", role: "ADMIN", page: 1 })).toBe("/admin/users?q=ann+%26+bob&role=ADMIN");
    expect(adminUsersHref({ q: "", page: 3 })).toBe("/admin/users?page=3");
    expect(reviewsListHref("OPEN", 1)).toBe("/reviews");
    expect(reviewsListHref("DECIDED", 2)).toBe("/reviews?status=DECIDED&page=2");
  });

  it("sends sign-in back to where the visitor was, encoded as one query value", () => {
    expect(signInHref()).toBe("/signin");
    expect(signInHref("/services")).toBe("/signin?callbackUrl=%2Fservices");
    expect(signInHref("/admin/users?q=a&page=2")).toBe("/signin?callbackUrl=%2Fadmin%2Fusers%3Fq%3Da%26page%3D2");
  });

  it.each([
    { quarter: "2026-Q1", view: "" as const, params: {}, href: "/quarterly/2026-Q1" },
    { quarter: "2026-Q1", view: "agenda" as const, params: { team: "payments", page: 1 }, href: "/quarterly/2026-Q1/agenda?team=payments" },
    { quarter: "2026-Q1", view: "present" as const, params: { page: 2, i: 0 }, href: "/quarterly/2026-Q1/present?page=2&i=0" },
    { quarter: "20/26", view: "minutes" as const, params: {}, href: "/quarterly/20%2F26/minutes" },
  ])("quarterlyHref($quarter, $view) is $href", ({ quarter, view, params, href }) => {
    expect(quarterlyHref(quarter, view, params)).toBe(href);
  });

  it("builds sub-paths from their parent and encodes API ids", () => {
    expect(NEW_SERVICE_PATH).toBe("/services/new");
    expect(ADMIN_SETTINGS_PATH).toBe("/admin/settings");
    expect(INVITE_USER_PATH).toBe("/admin/users/new");
    expect(apiReviewHref("a b/c")).toBe("/api/v1/reviews/a%20b%2Fc");
  });
});
