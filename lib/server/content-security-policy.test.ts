import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsRequest } from "./content-security-policy";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("runs only scripts that carry the nonce, and never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", isDevelopment: false, isHttps: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development and upgrades requests only over https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", isDevelopment: true, isHttps: false })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(directives(contentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: true })).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });

  it("makes a different nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{32,}={0,2}$/);
  });
});

describe("isHttpsRequest", () => {
  it.each([
    ["https", undefined, true],
    ["HTTPS, http", undefined, true],
    ["http", "https://shipshape.example.com", true],
    [null, "https://shipshape.example.com", true],
    ["http", "http://localhost:3000", false],
    [null, undefined, false],
    ["http, https", undefined, false],
  ])("X-Forwarded-Proto %j with NEXTAUTH_URL %j → %j", (proto, publicUrl, expected) => {
    expect(isHttpsRequest(proto, publicUrl)).toBe(expected);
  });
});
