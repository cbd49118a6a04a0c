import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/types";
import { can, type Action, type Viewer } from "@/lib/auth/permissions";

const OWN = "team-own";
const OTHER = "team-other";
const viewer = (role: Role): Viewer => ({ id: "u", email: "u@example.com", name: "U", role, teamIds: [OWN] });

describe("can", () => {
  const cases: [Role, Action, boolean][] = [
    ["VIEWER", { type: "review:edit", teamId: OWN }, false],
    ["EDITOR", { type: "review:edit", teamId: OWN }, true],
    ["EDITOR", { type: "review:edit", teamId: OTHER }, false],
    ["APPROVER", { type: "review:edit", teamId: OWN }, true],
    ["ADMIN", { type: "review:edit", teamId: OTHER }, true],
    ["EDITOR", { type: "service:create", teamId: OWN }, true],
    ["EDITOR", { type: "service:create", teamId: OTHER }, false],
    ["VIEWER", { type: "service:create", teamId: OWN }, false],
    ["EDITOR", { type: "review:decide", teamId: OTHER }, false],
    ["APPROVER", { type: "review:decide", teamId: OTHER }, true],
    ["APPROVER", { type: "review:decide", teamId: OWN }, false],
    ["ADMIN", { type: "review:decide", teamId: OWN }, false],
    ["ADMIN", { type: "review:decide", teamId: OTHER }, true],
    ["APPROVER", { type: "waiver:approve", teamId: OWN }, false],
    ["APPROVER", { type: "waiver:approve", teamId: OTHER }, true],
    ["APPROVER", { type: "admin" }, false],
    ["ADMIN", { type: "admin" }, true],
    ["VIEWER", { type: "user:end-sessions", userId: "u" }, true],
    ["APPROVER", { type: "user:end-sessions", userId: "someone-else" }, false],
    ["ADMIN", { type: "user:end-sessions", userId: "someone-else" }, true],
  ];
  it.each(cases)("%s %j → %s", (role, action, expected) => {
    expect(can(viewer(role), action)).toBe(expected);
  });
});
