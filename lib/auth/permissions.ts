import type { ReviewStatus, Role } from "@/lib/domain/types";

// Who may do what: the only place authorization rules live. Pure, so pages (to hide controls), actions, lib/db and
// the API (to refuse) ask the same question, and nothing else compares roles or team memberships.
// Roles are cumulative: an approver can also edit their own team's reviews; an admin can do everything,
// except decide a review of a service their own team owns (nobody approves their own work).

export type Viewer = { id: string; email: string; name: string; role: Role; teamIds: readonly string[] };

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, APPROVER: 2, ADMIN: 3 };

function hasRole(viewer: Viewer, atLeast: Role): boolean {
  return RANK[viewer.role] >= RANK[atLeast];
}

function isOnTeam(viewer: Viewer, teamId: string): boolean {
  return viewer.teamIds.includes(teamId);
}

export type Action =
  | { type: "service:create"; teamId: string }
  | { type: "service:update"; teamId: string }
  | { type: "review:edit"; teamId: string }
  | { type: "review:decide"; teamId: string }
  | { type: "waiver:approve"; teamId: string }
  | { type: "user:end-sessions"; userId: string }
  /** The team withdraws a request or gives up a waiver; an outside approver takes one back. */
  | { type: "waiver:revoke"; teamId: string }
  /** Approvers and admins chair the quarterly meeting; editors record outcomes for their own team's services. */
  | { type: "meeting:record-outcome"; teamId: string }
  | { type: "admin" };

export function can(viewer: Viewer, action: Action): boolean {
  switch (action.type) {
    case "service:create":
    case "service:update":
    case "review:edit":
      return hasRole(viewer, "ADMIN") || (hasRole(viewer, "EDITOR") && isOnTeam(viewer, action.teamId));
    case "review:decide":
    case "waiver:approve":
      return hasRole(viewer, "APPROVER") && !isOnTeam(viewer, action.teamId);
    case "user:end-sessions":
      return viewer.id === action.userId || hasRole(viewer, "ADMIN");
    case "waiver:revoke":
      return can(viewer, { type: "review:edit", teamId: action.teamId }) || can(viewer, { type: "waiver:approve", teamId: action.teamId });
    case "meeting:record-outcome":
      return hasRole(viewer, "APPROVER") || can(viewer, { type: "review:edit", teamId: action.teamId });
    case "admin":
      return hasRole(viewer, "ADMIN");
  }
}

export type ReviewPermissions = {
  canEdit: boolean;
  canSubmit: boolean;
  canReopen: boolean;
  canDecide: boolean;
  canApproveWaivers: boolean;
  canRevokeWaivers: boolean;
};

/** What this viewer may do to a review in its current state: can() for who, the status for when. */
export function reviewPermissions(viewer: Viewer, review: { status: ReviewStatus; teamId: string }): ReviewPermissions {
  const { status, teamId } = review;
  const isEditor = can(viewer, { type: "review:edit", teamId });
  const isOpen = status === "DRAFT" || status === "SUBMITTED";
  return {
    canEdit: status === "DRAFT" && isEditor,
    canSubmit: status === "DRAFT" && isEditor,
    canReopen: status === "SUBMITTED" && isEditor,
    canDecide: status === "SUBMITTED" && can(viewer, { type: "review:decide", teamId }),
    canApproveWaivers: isOpen && can(viewer, { type: "waiver:approve", teamId }),
    canRevokeWaivers: isOpen && can(viewer, { type: "waiver:revoke", teamId }),
  };
}
