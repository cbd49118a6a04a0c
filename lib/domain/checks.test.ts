import { describe, expect, it } from "vitest";
import { itemChecks, judgeLink, probeOutcome, suggestedAnswer } from "./checks";

describe("probeOutcome", () => {
  it.each([
    [200, "text/plain", "ok", "PASSING"],
    [204, null, "", "PASSING"],
    [301, null, "", "FAILING"],
    [503, "application/health+json", '{"status":"pass"}', "FAILING"],
    [200, "application/health+json", '{"status":"pass"}', "PASSING"],
    [200, "application/health+json; charset=utf-8", '{"status":"warn"}', "WARNING"],
    [200, "application/health+json", '{"status":"fail"}', "FAILING"],
    [200, "application/health+json", '{"status":"sideways"}', "WARNING"],
    [200, "application/health+json", "not json", "WARNING"],
    [200, "application/json", '{"status":"fail"}', "PASSING"],
  ] as const)("HTTP %s %s %s → %s", (status, type, body, expected) => {
    expect(probeOutcome(status, type, body, 12).status).toBe(expected);
  });

  it("says what it saw", () => {
    expect(probeOutcome(503, null, "", 40).summary).toBe("HTTP 503 in 40 ms");
    expect(probeOutcome(200, "application/health+json", '{"status":"warn"}', 7).summary).toBe('HTTP 200 in 7 ms, health status "warn"');
  });
});

describe("itemChecks", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const result = (status: "PASSING" | "WARNING" | "FAILING", validUntil: string) => ({
    status,
    validUntil: new Date(validUntil),
    observedAt: new Date("2026-12-01T10:00:00Z"),
    summary: "s",
    detailsUrl: null,
    source: "CI" as const,
  });

  it("covers bound items only, and tells fresh, stale and missing results apart", () => {
    const latest = new Map([
      ["a", result("PASSING", "2026-12-01T13:00:00Z")],
      ["b", result("FAILING", "2026-12-01T11:59:59Z")],
      ["d", result("WARNING", "2026-12-02T00:00:00Z")],
    ]);
    const checks = itemChecks(["a", "b", "c", "d", "e"], new Set(["a", "b", "c", "d"]), latest, now);
    expect(checks.map((c) => [c.itemKey, c.state, c.suggested])).toEqual([
      ["a", "PASSING", "MET"],
      ["b", "STALE", null],
      ["c", "MISSING", null],
      ["d", "WARNING", "PARTIAL"],
    ]);
  });

  it("suggests nothing once the validity ends (the last instant is already stale)", () => {
    expect(suggestedAnswer({ status: "FAILING", validUntil: now }, now)).toBeNull();
    expect(suggestedAnswer({ status: "FAILING", validUntil: new Date(now.getTime() + 1) }, now)).toBe("NOT_MET");
  });
});

describe("judgeLink", () => {
  it.each([
    [200, "OK"],
    [401, "OK"],
    [403, "OK"],
    [429, "OK"],
    [404, "DEAD"],
    [410, "DEAD"],
    [503, "DEAD"],
  ] as const)("HTTP %s → %s", (status, health) => expect(judgeLink(status).health).toBe(health));
});
