import { describe, expect, it } from "vitest";
import { normalizeHttpUrl, sameOriginPath } from "./links";

describe("normalizeHttpUrl", () => {
  it.each([
    ["https://grafana.example.com/d/health", "https://grafana.example.com/d/health"],
    ["  HTTPS://Grafana.Example.com  ", "https://grafana.example.com/"],
    ["http://example.com/a b", "http://example.com/a%20b"],
    ["https://example.com/a\u0000b", "https://example.com/a%00b"],
    ["https://example.com:443/x?q=1#top", "https://example.com/x?q=1#top"],
  ])("keeps %j as %j", (input, expected) => {
    expect(normalizeHttpUrl(input)).toBe(expected);
  });

  it.each([
    "http:\\\\evil.example",
    "https:/x",
    "http:x",
    "https:",
    "//evil.example",
    "/relative/path",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<b>x</b>",
    "file:///etc/passwd",
    "ftp://example.com",
    "https://",
    "https://exa mple.com",
    "https://exa\u0000mple.com",
    "not a url",
    "",
  ])("refuses %j", (input) => {
    expect(normalizeHttpUrl(input)).toBeNull();
  });

  it("only returns what the evidence table's CHECK accepts", () => {
    for (const input of ["https://x.example", "http://x.example/\\\\y", "https://x.example\t/z"]) {
      expect(normalizeHttpUrl(input)).toMatch(/^https?:\/\//i);
    }
  });
});

describe("sameOriginPath", () => {
  const base = "http://127.0.0.1:3000";

  it.each([
    ["/services", "/services"],
    ["/services?team=payments#top", "/services?team=payments#top"],
    ["http://127.0.0.1:3000/portfolio", "/portfolio"],
    ["http://127.0.0.1:3000//evil.example", "/evil.example"],
    ["reviews", "/reviews"],
  ])("keeps %j as %j", (target, expected) => {
    expect(sameOriginPath(target, base)).toBe(expected);
  });

  it.each([
    "/\\evil.example/phish",
    "/\t/evil.example",
    "//evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http://127.0.0.1:3001/",
    "https://127.0.0.1:3000/",
    "javascript:alert(1)",
    "http://[::1",
  ])("refuses %j", (target) => {
    expect(sameOriginPath(target, base)).toBeNull();
  });
});
