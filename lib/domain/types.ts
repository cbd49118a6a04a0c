// Plain data shared by the domain engine, the database layer, the API and the UI.
// Nothing here touches I/O: these are the words the product speaks.

export const ROLES = ["VIEWER", "EDITOR", "APPROVER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

/** Maturity levels from the seed: L1 MVP, L2 Stable, L3 Resilient, L4 Optimized. L0 means L1 is incomplete. */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
export type AchievedLevel = 0 | Level;

export const LEVEL_NAMES: Record<AchievedLevel, string> = {
  0: "Not ready",
  1: "MVP",
  2: "Stable",
  3: "Resilient",
  4: "Optimized",
};

export const LIFECYCLE_STAGES = ["PLANNED", "DEVELOPMENT", "BETA", "PRODUCTION", "DEPRECATED", "RETIRED"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The seed's six "When to Use" triggers. */
export const REVIEW_TRIGGERS = [
  "FIRST_DEPLOY",
  "MAJOR_RELEASE",
  "QUARTERLY",
  "POST_INCIDENT",
  "DEPENDENCY_UPGRADE",
  "TEAM_HANDOFF",
] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

export const REVIEW_STATUSES = ["DRAFT", "SUBMITTED", "DECIDED", "CANCELLED"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ANSWER_STATUSES = ["MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const EVIDENCE_KINDS = ["DASHBOARD", "RUNBOOK", "DOCUMENT", "TICKET", "TEST_RUN", "OTHER"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const VERDICTS = ["GO", "CONDITIONAL_GO", "NO_GO"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CONCERN_KINDS = ["REVIEW_AREA", "CHECKLIST_SECTION"] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

/** A team or a person as a list, a form or another record points at it. */
export type TeamRef = { id: string; name: string; slug: string };
/** `email` is null for viewers who may not read e-mail addresses (lib/db's visiblePerson applies the rule). */
export type PersonRef = { id: string; name: string; email: string | null };

/** A checklist item as the engine sees it. `key` is stable across template versions. */
export type ChecklistItemDef = {
  key: string;
  concernKey: string;
  title: string;
  level: Level;
  isBlocker: boolean;
  tiers: readonly Tier[];
};
