import type { ReviewStatus, Role } from "@/lib/domain/types";

// Who may do what: the only place authorization rules live. Pure, so pages (to hide controls), actions, lib/db and
// the API (to refuse) ask the same question, and nothing else compares roles or team memberships.
// Roles are cumulative: an approver can also edit their own team's reviews; an admin can do everything except
// what the four-eyes rule keeps from everybody: nobody decides a review they started, answered or signed, nobody
// approves or rejects a waiver they asked for, and nobody decides for the team that owns the service.

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
  /** Whether this person can be given a concern of the team's reviews to work on (the actor needs review:edit). */
  | { type: "concern:be-assigned"; teamId: string }
  /** `involvement`: what the viewer did in this review, as its audit log tells (lib/db gathers it). */
  | { type: "review:decide"; teamId: string; involvement: ReviewInvolvement }
  /** `isRequester`: the viewer asked for this waiver. */
  | { type: "waiver:approve"; teamId: string; isRequester: boolean }
  | { type: "user:end-sessions"; userId: string }
  /** The team withdraws a request or gives up a waiver; an outside approver takes one back. */
  | { type: "waiver:revoke"; teamId: string }
  /** Approvers and admins chair the quarterly meeting; editors record outcomes for their own team's services. */
  | { type: "meeting:record-outcome"; teamId: string }
  /** E-mail addresses of the people behind answers and sign-offs; everyone else sees their names. */
  | { type: "people:read-email" }
  /** Automated check results for a service, pushed by its team's pipeline (with a team member's token). */
  | { type: "checks:record"; teamId: string }
  | { type: "admin" }
  /** Decisions waiting for someone outside the owning team: the home's queue and its count in the navigation. */
  | { type: "decisions:list" };

/**
 * What a person did in one review. Answers keep only their last answerer and a reopened review forgets who
 * signed it, so these come from the audit log, which keeps every try.
 */
export type ReviewInvolvement = {
  /** Started the review. */
  started: boolean;
  /** Saved an answer, added or removed evidence, or asked for a waiver. */
  answered: boolean;
  /** Signed (submitted) the review as owner, at any time. */
  submitted: boolean;
};

export const NOT_INVOLVED: ReviewInvolvement = { started: false, answered: false, submitted: false };

type DecisionAction = Extract<Action, { type: "review:decide" | "waiver:approve" }>;

/** Why a decision is refused; `isFourEyes` when the viewer has the role but the four-eyes rule stands in the way. */
export type Refusal = { reason: string; isFourEyes: boolean };

/** Why this viewer may not decide (a review, or a waiver request), or null when they may. */
export function decisionRefusal(viewer: Viewer, action: DecisionAction): Refusal | null {
  const isWaiver = action.type === "waiver:approve";
  if (!hasRole(viewer, "APPROVER")) {
    const what = isWaiver ? "approve or reject its waivers" : "decide its review";
    return { reason: `Only an approver who is not on the team that owns this service can ${what}.`, isFourEyes: false };
  }
  const fourEyes = (reason: string): Refusal => ({ reason, isFourEyes: true });
  if (isOnTeam(viewer, action.teamId)) {
    return fourEyes("You are on the team that owns this service, so someone from another team must decide.");
  }
  if (isWaiver) return action.isRequester ? fourEyes("You asked for this waiver, so someone else must approve or reject it.") : null;
  const { involvement } = action;
  if (involvement.submitted) return fourEyes("You signed this review as owner, so someone else must decide it.");
  if (involvement.answered) return fourEyes("You answered items in this review, so someone else must decide it.");
  if (involvement.started) return fourEyes("You started this review, so someone else must decide it.");
  return null;
}

export function can(viewer: Viewer, action: Action): boolean {
  switch (action.type) {
    case "service:create":
    case "service:update":
    case "review:edit":
    case "checks:record":
      return hasRole(viewer, "ADMIN") || (hasRole(viewer, "EDITOR") && isOnTeam(viewer, action.teamId));
    case "concern:be-assigned":
      // Only the team's own editors work on its reviews: an admin from elsewhere may assign, but not be assigned.
      return hasRole(viewer, "EDITOR") && isOnTeam(viewer, action.teamId);
    case "review:decide":
    case "waiver:approve":
      return decisionRefusal(viewer, action) === null;
    case "user:end-sessions":
      return viewer.id === action.userId || hasRole(viewer, "ADMIN");
    case "waiver:revoke":
      // Taking a waiver back never helps its requester, so any outside approver may, whoever asked for it.
      return (
        can(viewer, { type: "review:edit", teamId: action.teamId }) ||
        can(viewer, { type: "waiver:approve", teamId: action.teamId, isRequester: false })
      );
    case "meeting:record-outcome":
      // The meeting judges the team's work, so the team never records its own outcome, not even a follow-up.
      return hasRole(viewer, "APPROVER") && !isOnTeam(viewer, action.teamId);
    case "decisions:list":
      // Who may decide some of them; each review and waiver in the queue is still asked about on its own.
      return hasRole(viewer, "APPROVER");
    case "people:read-email":
    case "admin":
      return hasRole(viewer, "ADMIN");
  }
}

export type ReviewPermissions = {
  canEdit: boolean;
  canSubmit: boolean;
  canReopen: boolean;
  canDecide: boolean;
  /** Why an approver may not decide this submitted review (the page says so instead of offering the form). */
  decideRefusal: string | null;
  /** Whether the viewer is an approver from outside the team; each waiver may still be refused (waiverRefusals). */
  canApproveWaivers: boolean;
  /** By waiver id: why this viewer may not approve or reject that pending waiver. */
  waiverRefusals: Record<string, string>;
  canRevokeWaivers: boolean;
};

export type ReviewFacts = {
  status: ReviewStatus;
  teamId: string;
  involvement: ReviewInvolvement;
  waivers: readonly { id: string; status: string; requestedById: string | null }[];
};

/** What this viewer may do to a review in its current state: can() for who, the status for when. */
export function reviewPermissions(viewer: Viewer, review: ReviewFacts): ReviewPermissions {
  const { status, teamId, involvement } = review;
  const isEditor = can(viewer, { type: "review:edit", teamId });
  const isOpen = status === "DRAFT" || status === "SUBMITTED";
  const decideRefusal = decisionRefusal(viewer, { type: "review:decide", teamId, involvement });
  const canApproveWaivers = isOpen && can(viewer, { type: "waiver:approve", teamId, isRequester: false });
  const waiverRefusals: Record<string, string> = {};
  if (canApproveWaivers) {
    for (const waiver of review.waivers) {
      if (waiver.status !== "PENDING") continue;
      const refusal = decisionRefusal(viewer, { type: "waiver:approve", teamId, isRequester: waiver.requestedById === viewer.id });
      if (refusal) waiverRefusals[waiver.id] = refusal.reason;
    }
  }
  return {
    canEdit: status === "DRAFT" && isEditor,
    canSubmit: status === "DRAFT" && isEditor,
    canReopen: status === "SUBMITTED" && isEditor,
    canDecide: status === "SUBMITTED" && decideRefusal === null,
    decideRefusal: status === "SUBMITTED" && decideRefusal?.isFourEyes ? decideRefusal.reason : null,
    canApproveWaivers,
    waiverRefusals,
    canRevokeWaivers: isOpen && can(viewer, { type: "waiver:revoke", teamId }),
  };
}
