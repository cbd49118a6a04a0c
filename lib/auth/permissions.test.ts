import { describe, expect, it } from "vitest";
import type { ReviewStatus, Role } from "@/lib/domain/types";
import { can, reviewPermissions, type Action, type ReviewPermissions, type Viewer } from "@/lib/auth/permissions";

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
    // The owning team's editors withdraw or give up a waiver; an approver from another team takes one back.
    ["VIEWER", { type: "waiver:revoke", teamId: OWN }, false],
    ["VIEWER", { type: "waiver:revoke", teamId: OTHER }, false],
    ["EDITOR", { type: "waiver:revoke", teamId: OWN }, true],
    ["EDITOR", { type: "waiver:revoke", teamId: OTHER }, false],
    ["APPROVER", { type: "waiver:revoke", teamId: OWN }, true],
    ["APPROVER", { type: "waiver:revoke", teamId: OTHER }, true],
    ["ADMIN", { type: "waiver:revoke", teamId: OWN }, true],
    ["ADMIN", { type: "waiver:revoke", teamId: OTHER }, true],
    // Approvers and admins chair the meeting for every team; editors record it only for their own team.
    ["VIEWER", { type: "meeting:record-outcome", teamId: OWN }, false],
    ["EDITOR", { type: "meeting:record-outcome", teamId: OWN }, true],
    ["EDITOR", { type: "meeting:record-outcome", teamId: OTHER }, false],
    ["APPROVER", { type: "meeting:record-outcome", teamId: OWN }, true],
    ["APPROVER", { type: "meeting:record-outcome", teamId: OTHER }, true],
    ["ADMIN", { type: "meeting:record-outcome", teamId: OTHER }, true],
  ];
  it.each(cases)("%s %j → %s", (role, action, expected) => {
    expect(can(viewer(role), action)).toBe(expected);
  });
});

describe("reviewPermissions", () => {
  const none: ReviewPermissions = {
    canEdit: false,
    canSubmit: false,
    canReopen: false,
    canDecide: false,
    canApproveWaivers: false,
    canRevokeWaivers: false,
  };
  const cases: [Role, ReviewStatus, string, Partial<ReviewPermissions>][] = [
    ["VIEWER", "DRAFT", OWN, {}],
    ["VIEWER", "SUBMITTED", OTHER, {}],
    ["EDITOR", "DRAFT", OWN, { canEdit: true, canSubmit: true, canRevokeWaivers: true }],
    ["EDITOR", "SUBMITTED", OWN, { canReopen: true, canRevokeWaivers: true }],
    ["EDITOR", "DRAFT", OTHER, {}],
    ["EDITOR", "DECIDED", OWN, {}],
    ["APPROVER", "DRAFT", OTHER, { canApproveWaivers: true, canRevokeWaivers: true }],
    ["APPROVER", "SUBMITTED", OTHER, { canDecide: true, canApproveWaivers: true, canRevokeWaivers: true }],
    ["APPROVER", "SUBMITTED", OWN, { canReopen: true, canRevokeWaivers: true }],
    ["APPROVER", "CANCELLED", OTHER, {}],
    ["ADMIN", "SUBMITTED", OWN, { canReopen: true, canRevokeWaivers: true }],
    ["ADMIN", "SUBMITTED", OTHER, { canReopen: true, canDecide: true, canApproveWaivers: true, canRevokeWaivers: true }],
    ["ADMIN", "DECIDED", OTHER, {}],
  ];
  it.each(cases)("%s on a %s review of team %s → %j", (role, status, teamId, allowed) => {
    expect(reviewPermissions(viewer(role), { status, teamId })).toEqual({ ...none, ...allowed });
  });
});
