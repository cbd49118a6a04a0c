import { describe, expect, it } from "vitest";
import { sessionHolderEnd, sessionTimeEnd, type SessionClaims, type SessionHolder } from "@/lib/auth/session-policy";

const policy = { maxAgeSeconds: 8 * 3600, idleSeconds: 3600 };
const NOW = 1_800_000_000;

describe("sessionTimeEnd", () => {
  const cases: [string, SessionClaims, ReturnType<typeof sessionTimeEnd>][] = [
    ["fresh", { authTime: NOW - 60, iat: NOW - 60 }, null],
    ["active for 7h59m, renewed a minute ago", { authTime: NOW - 8 * 3600 + 60, iat: NOW - 60 }, null],
    ["past the absolute lifetime although renewed just now", { authTime: NOW - 8 * 3600 - 1, iat: NOW }, "EXPIRED"],
    ["idle a second past the timeout", { authTime: NOW - 7200, iat: NOW - 3601 }, "IDLE"],
    ["idle exactly the timeout", { authTime: NOW - 7200, iat: NOW - 3600 }, null],
    ["a token from before sign-in times were kept", { iat: NOW - 10 }, "EXPIRED"],
    ["no issue time", { authTime: NOW - 10 }, "IDLE"],
  ];
  it.each(cases)("%s", (_, claims, expected) => {
    expect(sessionTimeEnd(claims, policy, NOW)).toBe(expected);
  });
});

describe("sessionHolderEnd", () => {
  const active: SessionHolder = { sessionEpoch: 3, isDisabled: false };
  const cases: [string, SessionClaims, SessionHolder, ReturnType<typeof sessionHolderEnd>][] = [
    ["current epoch", { epoch: 3 }, active, null],
    ["signed out everywhere since", { epoch: 2 }, active, "REVOKED"],
    ["a token without an epoch", {}, active, "REVOKED"],
    ["disabled", { epoch: 3 }, { sessionEpoch: 3, isDisabled: true }, "DISABLED"],
    ["deleted user", { epoch: 3 }, null, "UNKNOWN_USER"],
  ];
  it.each(cases)("%s", (_, claims, holder, expected) => {
    expect(sessionHolderEnd(claims, holder)).toBe(expected);
  });
});
