import type { ReasonSeverity } from "./verdict";
import type { AnswerStatus, EvidenceKind, ReviewStatus, ReviewTrigger, Verdict } from "./types";
import type { WaiverStatus } from "./waivers";

// The human words for the product's enums, in one place, so pages, exports, reports and error messages
// all say the same thing.

export const VERDICT_WORDS: Record<Verdict, string> = { GO: "Go", CONDITIONAL_GO: "Conditional go", NO_GO: "No-go" };

export const TRIGGER_WORDS: Record<ReviewTrigger, string> = {
  FIRST_DEPLOY: "Before first deploy",
  MAJOR_RELEASE: "Before major release",
  QUARTERLY: "Quarterly production review",
  POST_INCIDENT: "After incident",
  DEPENDENCY_UPGRADE: "Dependency upgrade",
  TEAM_HANDOFF: "Team handoff",
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
