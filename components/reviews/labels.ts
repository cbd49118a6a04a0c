import type { BadgeTone } from "@/components/ui/badge";
import type { ItemOutcome } from "@/lib/domain/maturity";
import type { AnswerStatus, EvidenceKind, ReviewStatus, ReviewTrigger } from "@/lib/domain/types";
import type { WaiverStatus } from "@/lib/domain/waivers";

// Human words for the review feature's enums, in one place so every page says the same thing.

export const TRIGGER_LABELS: Record<ReviewTrigger, string> = {
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

export const ANSWER_LABELS: Record<AnswerStatus, string> = {
  MET: "Met",
  PARTIAL: "Partially met",
  NOT_MET: "Not met",
  NOT_APPLICABLE: "Not applicable",
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  DASHBOARD: "Dashboard",
  RUNBOOK: "Runbook",
  DOCUMENT: "Document",
  TICKET: "Ticket",
  TEST_RUN: "Test run",
  OTHER: "Other",
};

export const STATUS_BADGES: Record<ReviewStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SUBMITTED: { label: "Awaiting decision", tone: "info" },
  DECIDED: { label: "Decided", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

export const OUTCOME_BADGES: Record<ItemOutcome, { label: string; tone: BadgeTone }> = {
  MET: { label: "Met", tone: "success" },
  NA: { label: "Not applicable", tone: "neutral" },
  WAIVED: { label: "Waived", tone: "warning" },
  PARTIAL: { label: "Partial", tone: "warning" },
  NOT_MET: { label: "Not met", tone: "danger" },
  UNANSWERED: { label: "Unanswered", tone: "neutral" },
};

export const WAIVER_BADGES: Record<WaiverStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Waiting for approval", tone: "info" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  REVOKED: { label: "Revoked", tone: "neutral" },
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "review.start": "Started the review",
  "answer.create": "Answered an item",
  "answer.update": "Changed an answer",
  "evidence.add": "Added evidence",
  "evidence.remove": "Removed evidence",
  "waiver.request": "Requested a waiver",
  "waiver.approve": "Approved a waiver",
  "waiver.reject": "Rejected a waiver",
  "waiver.revoke": "Revoked a waiver",
  "review.submit": "Signed and submitted for decision",
  "review.reopen": "Reopened the review",
  "review.decide": "Recorded the decision",
};

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Times are shown in UTC so every reader (and the audit trail) agrees on the day. */
export function formatDateTime(value: Date | string): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

/** A calendar day (YYYY-MM-DD) as "Jun 15, 2025". */
export function formatDay(day: string): string {
  return dateOnly.format(new Date(`${day}T00:00:00Z`));
}

export function reviewHref(reviewId: string): string {
  return `/reviews/${reviewId}`;
}

export function concernHref(reviewId: string, concernKey: string, itemKey?: string): string {
  const base = `/reviews/${reviewId}/concerns/${encodeURIComponent(concernKey)}`;
  return itemKey ? `${base}#${itemAnchor(itemKey)}` : base;
}

/** Item keys contain dots; anchors keep letters, digits and dashes only. */
export function itemAnchor(itemKey: string): string {
  return `item-${itemKey.replace(/[^A-Za-z0-9-]/g, "-")}`;
}
