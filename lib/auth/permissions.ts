import type { Role } from "@/lib/domain/types";

// Who may do what. Pure, so pages (to hide controls), actions and the API (to refuse) ask the same question.
// Roles are cumulative: an approver can also edit their own team's reviews; an admin can do everything,
// except decide a review of a service their own team owns (nobody approves their own work).

export type Viewer = { id: string; email: string; name: string; role: Role; teamIds: readonly string[] };

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, APPROVER: 2, ADMIN: 3 };

export function hasRole(viewer: Viewer, atLeast: Role): boolean {
  return RANK[viewer.role] >= RANK[atLeast];
}

export function isOnTeam(viewer: Viewer, teamId: string): boolean {
  return viewer.teamIds.includes(teamId);
}

export type Action =
  | { type: "service:create"; teamId: string }
  | { type: "service:update"; teamId: string }
  | { type: "review:edit"; teamId: string }
  | { type: "review:decide"; teamId: string }
  | { type: "waiver:approve"; teamId: string }
  | { type: "user:end-sessions"; userId: string }
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
    case "admin":
      return hasRole(viewer, "ADMIN");
  }
}
