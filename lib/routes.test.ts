import { describe, expect, it } from "vitest";
import { adminUsersHref, concernHref, reviewsListHref, serviceHref, withQuery } from "./routes";

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
});
