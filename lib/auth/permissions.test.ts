import { describe, expect, it } from "vitest";
import type { ReviewStatus, Role } from "@/lib/domain/types";
import {
  can,
  decisionRefusal,
  NOT_INVOLVED,
  reviewPermissions,
  type Action,
  type ReviewInvolvement,
  type ReviewPermissions,
  type Viewer,
} from "@/lib/auth/permissions";

const OWN = "team-own";
const OTHER = "team-other";
const viewer = (role: Role): Viewer => ({ id: "u", email: "u@example.com", name: "U", role, teamIds: [OWN] });
const decide = (teamId: string, involvement: Partial<ReviewInvolvement> = {}): Action => ({
  type: "review:decide",
  teamId,
  involvement: { ...NOT_INVOLVED, ...involvement },
});
const approve = (teamId: string, isRequester = false): Action => ({ type: "waiver:approve", teamId, isRequester });

describe("can", () => {
  const cases: [Role, Action, boolean][] = [
    ["VIEWER", { type: "review:edit", teamId: OWN }, false],
    ["EDITOR", { type: "review:edit", teamId: OWN }, true],
    ["EDITOR", { type: "review:edit", teamId: OTHER }, false],
    ["APPROVER", { type: "review:edit", teamId: OWN }, true],
    ["ADMIN", { type: "review:edit", teamId: OTHER }, true],
    // A concern goes to someone of the owning team who can edit its review; an admin from elsewhere is not one.
    ["EDITOR", { type: "concern:be-assigned", teamId: OWN }, true],
    ["APPROVER", { type: "concern:be-assigned", teamId: OWN }, true],
    ["VIEWER", { type: "concern:be-assigned", teamId: OWN }, false],
    ["EDITOR", { type: "concern:be-assigned", teamId: OTHER }, false],
    ["ADMIN", { type: "concern:be-assigned", teamId: OTHER }, false],
    ["EDITOR", { type: "service:create", teamId: OWN }, true],
    ["EDITOR", { type: "service:create", teamId: OTHER }, false],
    ["VIEWER", { type: "service:create", teamId: OWN }, false],
    ["EDITOR", decide(OTHER), false],
    ["APPROVER", decide(OTHER), true],
    ["EDITOR", { type: "decisions:list" }, false],
    ["APPROVER", { type: "decisions:list" }, true],
    ["ADMIN", { type: "decisions:list" }, true],
    ["APPROVER", decide(OWN), false],
    ["ADMIN", decide(OWN), false],
    ["ADMIN", decide(OTHER), true],
    // Four eyes, for admins too: whoever started, answered or signed the review never decides it.
    ["APPROVER", decide(OTHER, { answered: true }), false],
    ["ADMIN", decide(OTHER, { answered: true }), false],
    ["ADMIN", decide(OTHER, { started: true }), false],
    ["ADMIN", decide(OTHER, { submitted: true }), false],
    ["APPROVER", approve(OWN), false],
    ["APPROVER", approve(OTHER), true],
    // …and whoever asked for a waiver never approves or rejects it.
    ["APPROVER", approve(OTHER, true), false],
    ["ADMIN", approve(OTHER, true), false],
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
    // Approvers and admins chair the meeting, and record outcomes only for services another team owns.
    ["VIEWER", { type: "meeting:record-outcome", teamId: OWN }, false],
    ["EDITOR", { type: "meeting:record-outcome", teamId: OWN }, false],
    ["EDITOR", { type: "meeting:record-outcome", teamId: OTHER }, false],
    ["APPROVER", { type: "meeting:record-outcome", teamId: OWN }, false],
    ["ADMIN", { type: "meeting:record-outcome", teamId: OWN }, false],
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
    decideRefusal: null,
    canApproveWaivers: false,
    waiverRefusals: {},
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
    [
      "APPROVER",
      "SUBMITTED",
      OWN,
      {
        canReopen: true,
        canRevokeWaivers: true,
        decideRefusal: "You are on the team that owns this service, so someone from another team must decide.",
      },
    ],
    ["APPROVER", "CANCELLED", OTHER, {}],
    [
      "ADMIN",
      "SUBMITTED",
      OWN,
      {
        canReopen: true,
        canRevokeWaivers: true,
        decideRefusal: "You are on the team that owns this service, so someone from another team must decide.",
      },
    ],
    ["ADMIN", "SUBMITTED", OTHER, { canReopen: true, canDecide: true, canApproveWaivers: true, canRevokeWaivers: true }],
    ["ADMIN", "DECIDED", OTHER, {}],
  ];
  it.each(cases)("%s on a %s review of team %s → %j", (role, status, teamId, allowed) => {
    expect(reviewPermissions(viewer(role), { status, teamId, involvement: NOT_INVOLVED, waivers: [] })).toEqual({ ...none, ...allowed });
  });

  it("explains why an admin who answered may not decide, and which waivers they may not approve", () => {
    const permissions = reviewPermissions(viewer("ADMIN"), {
      status: "SUBMITTED",
      teamId: OTHER,
      involvement: { ...NOT_INVOLVED, answered: true },
      waivers: [
        { id: "mine", status: "PENDING", requestedById: "u" },
        { id: "theirs", status: "PENDING", requestedById: "someone" },
        { id: "approved-mine", status: "APPROVED", requestedById: "u" },
      ],
    });
    expect(permissions).toMatchObject({
      canDecide: false,
      decideRefusal: "You answered items in this review, so someone else must decide it.",
      canApproveWaivers: true,
      waiverRefusals: { mine: "You asked for this waiver, so someone else must approve or reject it." },
    });
  });
});

describe("decisionRefusal", () => {
  it("names the role for people who may never decide, and the four-eyes reason for approvers", () => {
    expect(decisionRefusal(viewer("EDITOR"), { type: "review:decide", teamId: OTHER, involvement: NOT_INVOLVED })).toMatchObject({
      isFourEyes: false,
    });
    expect(
      decisionRefusal(viewer("ADMIN"), { type: "review:decide", teamId: OTHER, involvement: { ...NOT_INVOLVED, submitted: true } }),
    ).toEqual({ reason: "You signed this review as owner, so someone else must decide it.", isFourEyes: true });
    expect(decisionRefusal(viewer("ADMIN"), { type: "review:decide", teamId: OTHER, involvement: NOT_INVOLVED })).toBeNull();
  });
});
