import type { CheckKind, CheckStatus } from "./checks";
import type { ItemOutcome } from "./maturity";
import type { ReviewDueReason } from "./quarters";
import type { ReasonSeverity } from "./verdict";
import type { AnswerStatus, EvidenceKind, LifecycleStage, ReviewStatus, ReviewTrigger, Role, Tier, Verdict } from "./types";
import type { WaiverStatus } from "./waivers";
import type { JobRunState } from "./job-runs";
import type { ConcernWorkStatus } from "./concern-assignments";

// The human words for the product's enums, in one place, so pages, exports, reports and error messages
// all say the same thing.

export const VERDICT_WORDS: Record<Verdict, string> = { GO: "Go", CONDITIONAL_GO: "Conditional go", NO_GO: "No-go" };

/** Said where a verdict would be, for a service or review without a decision. */
export const NO_VERDICT_WORDS = "Not decided";

export const TRIGGER_WORDS: Record<ReviewTrigger, string> = {
  FIRST_DEPLOY: "Before first deploy",
  MAJOR_RELEASE: "Before major release",
  QUARTERLY: "Quarterly production review",
  POST_INCIDENT: "After incident",
  DEPENDENCY_UPGRADE: "Dependency upgrade",
  TEAM_HANDOFF: "Team handoff",
};

export const TRIGGER_DESCRIPTIONS: Record<ReviewTrigger, string> = {
  FIRST_DEPLOY: "New service going to production for the first time",
  MAJOR_RELEASE: "Significant feature or architectural change shipping",
  QUARTERLY: "Scheduled audit of an existing service",
  POST_INCIDENT: "Post-incident hardening to prevent recurrence",
  DEPENDENCY_UPGRADE: "Major framework, runtime, or infrastructure change",
  TEAM_HANDOFF: "Transferring ownership of the service to another team",
};

export const ANSWER_WORDS: Record<AnswerStatus, string> = {
  MET: "Met",
  PARTIAL: "Partially met",
  NOT_MET: "Not met",
  NOT_APPLICABLE: "Not applicable",
};

export const EVIDENCE_KIND_WORDS: Record<EvidenceKind, string> = {
  DASHBOARD: "Dashboard",
  RUNBOOK: "Runbook",
  DOCUMENT: "Document",
  TICKET: "Ticket",
  TEST_RUN: "Test run",
  OTHER: "Other",
};

export const REVIEW_STATUS_WORDS: Record<ReviewStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Awaiting decision",
  DECIDED: "Decided",
  CANCELLED: "Cancelled",
};

export const WAIVER_STATUS_WORDS: Record<WaiverStatus, string> = {
  PENDING: "Waiting for approval",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  REVOKED: "Revoked",
};

export const SEVERITY_WORDS: Record<ReasonSeverity, string> = { blocker: "Blocks go", warning: "Condition", info: "Note" };

/** What an item amounts to once answers, N/A reasons and waivers are weighed; answered outcomes say what the answer says. */
export const ITEM_OUTCOME_WORDS: Record<ItemOutcome, string> = {
  MET: ANSWER_WORDS.MET,
  NA: ANSWER_WORDS.NOT_APPLICABLE,
  WAIVED: "Waived",
  PARTIAL: ANSWER_WORDS.PARTIAL,
  NOT_MET: ANSWER_WORDS.NOT_MET,
  UNANSWERED: "Unanswered",
};

/** The outcome counts as every table and export heads them (see OutcomeCounts for how they are counted). */
export const OUTCOME_COUNT_WORDS = {
  met: ITEM_OUTCOME_WORDS.MET,
  na: "N/A",
  waived: ITEM_OUTCOME_WORDS.WAIVED,
  partial: ITEM_OUTCOME_WORDS.PARTIAL,
  notMet: ITEM_OUTCOME_WORDS.NOT_MET,
  unanswered: ITEM_OUTCOME_WORDS.UNANSWERED,
} as const;

/** Column headings of the per-concern outcome counts, on the overview, the report, the Markdown export and the CSV. */
export const CONCERN_COUNT_HEADINGS = [
  "Answered",
  OUTCOME_COUNT_WORDS.met,
  OUTCOME_COUNT_WORDS.na,
  OUTCOME_COUNT_WORDS.waived,
  OUTCOME_COUNT_WORDS.partial,
  OUTCOME_COUNT_WORDS.notMet,
] as const;

export const ROLE_WORDS: Record<Role, string> = {
  VIEWER: "Viewer",
  EDITOR: "Editor",
  APPROVER: "Approver",
  ADMIN: "Admin",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  VIEWER: "reads everything, changes nothing",
  EDITOR: "edits services and reviews of their teams",
  APPROVER: "also decides other teams' reviews and approves waivers",
  ADMIN: "manages people, teams and settings, and can do everything else",
};

export const LIFECYCLE_WORDS: Record<LifecycleStage, string> = {
  PLANNED: "Planned",
  DEVELOPMENT: "In development",
  BETA: "Beta",
  PRODUCTION: "Production",
  DEPRECATED: "Deprecated",
  RETIRED: "Retired",
};

/** Tier 1 is the most critical: it must reach the highest maturity level (see targets.ts). */
export const TIER_WORDS: Record<Tier, string> = {
  1: "Tier 1 (most critical)",
  2: "Tier 2",
  3: "Tier 3 (least critical)",
};

/** What the quarterly meeting recorded for a service. */
export const MEETING_OUTCOME_WORDS = { REVIEWED: "Reviewed", FOLLOW_UP: "Follow-up" } as const;

export const DUE_REASON_WORDS: Record<ReviewDueReason, string> = {
  "never-reviewed": "Never reviewed",
  stale: "No decided review in 90 days",
  trigger: "Trigger pending",
};

/** The home's count in the navigation, as a screen reader hears it ("3 awaiting your decision"). */
export function awaitingDecisionWords(count: string): string {
  return `${count} awaiting your decision`;
}

export const CHECK_KIND_WORDS: Record<CheckKind, string> = {
  HTTP_PROBE: "HTTP probe of the health check URL",
  CI: "Results pushed from CI",
};

export const CHECK_STATUS_WORDS: Record<CheckStatus, string> = { PASSING: "passing", WARNING: "warning", FAILING: "failing" };

/** A background job run's state (pg-boss's), as admins read it. */
export const JOB_RUN_STATE_WORDS: Record<JobRunState, string> = {
  created: "Queued",
  retry: "Waiting to retry",
  active: "Running",
  completed: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};
/** A concern's progress within a review, as the overview and the concern page say it. */
export const CONCERN_WORK_STATUS_WORDS: Record<ConcernWorkStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
};

/** Said where a concern's assignee would be when nobody is assigned. */
export const UNASSIGNED_WORDS = "Unassigned";
