import type { BadgeTone } from "@/components/ui/badge";
import type { ItemOutcome } from "@/lib/domain/maturity";
import type { ReviewStatus, ReviewTrigger } from "@/lib/domain/types";
import type { WaiverStatus } from "@/lib/domain/waivers";
import { REVIEW_STATUS_WORDS, WAIVER_STATUS_WORDS } from "@/lib/domain/words";

// Badges and descriptions for the review feature; the words themselves live in lib/domain/words.ts.

export {
  ANSWER_WORDS as ANSWER_LABELS,
  EVIDENCE_KIND_WORDS as EVIDENCE_KIND_LABELS,
  TRIGGER_WORDS as TRIGGER_LABELS,
} from "@/lib/domain/words";

export const TRIGGER_DESCRIPTIONS: Record<ReviewTrigger, string> = {
  FIRST_DEPLOY: "New service going to production for the first time",
  MAJOR_RELEASE: "Significant feature or architectural change shipping",
  QUARTERLY: "Scheduled audit of an existing service",
  POST_INCIDENT: "Post-incident hardening to prevent recurrence",
  DEPENDENCY_UPGRADE: "Major framework, runtime, or infrastructure change",
  TEAM_HANDOFF: "Transferring ownership of the service to another team",
};

export const STATUS_BADGES: Record<ReviewStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: REVIEW_STATUS_WORDS.DRAFT, tone: "neutral" },
  SUBMITTED: { label: REVIEW_STATUS_WORDS.SUBMITTED, tone: "info" },
  DECIDED: { label: REVIEW_STATUS_WORDS.DECIDED, tone: "success" },
  CANCELLED: { label: REVIEW_STATUS_WORDS.CANCELLED, tone: "neutral" },
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
  PENDING: { label: WAIVER_STATUS_WORDS.PENDING, tone: "info" },
  APPROVED: { label: WAIVER_STATUS_WORDS.APPROVED, tone: "success" },
  REJECTED: { label: WAIVER_STATUS_WORDS.REJECTED, tone: "danger" },
  REVOKED: { label: WAIVER_STATUS_WORDS.REVOKED, tone: "neutral" },
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
