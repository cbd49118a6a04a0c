// The frozen record of a decided review. Deciding copies everything the decision rested on
// (answers, evidence, waivers, level, verdict and reasons) into one JSON value, so later edits,
// waiver expiry, a new tier or new tier targets can never change what was decided.
// Pure: the caller passes the evaluation, the clock reading and the rows.

import { applicableItems, isJustifiedNa, type AnswerMap, type ConcernScore, type NextLevelNeeds } from "./maturity";
import type { AchievedLevel, AnswerStatus, ChecklistItemDef, EvidenceKind, Level, Tier, Verdict } from "./types";
import type { Reason, ReviewEvaluation } from "./verdict";
import type { WaiverInput, WaiverTerms } from "./waivers";

export const SNAPSHOT_VERSION = 1;

export type SnapshotEvidence = { url: string; title: string; kind: EvidenceKind };

export type SnapshotAnswer = {
  itemKey: string;
  itemTitle: string;
  concernKey: string;
  status: AnswerStatus;
  note: string;
  naReason: string | null;
  answeredByEmail: string | null;
  /** ISO timestamp. */
  answeredAt: string;
  evidence: SnapshotEvidence[];
};

export type SnapshotWaiver = WaiverTerms & { approvedByEmail: string | null };

export type ReviewSnapshot = {
  version: typeof SNAPSHOT_VERSION;
  /** ISO timestamp of the decision. */
  takenAt: string;
  /** YYYY-MM-DD the evaluation was computed for (waiver expiry is judged against it). */
  today: string;
  tier: Tier;
  target: Level;
  level: AchievedLevel;
  levelWithoutWaivers: AchievedLevel;
  computedVerdict: Verdict;
  decision: Verdict;
  decisionNote: string;
  reasons: Reason[];
  concerns: ConcernScore[];
  nextLevel: NextLevelNeeds | null;
  answers: SnapshotAnswer[];
  waivers: SnapshotWaiver[];
};

export type SnapshotAnswerSource = Omit<SnapshotAnswer, "itemTitle" | "concernKey" | "answeredAt"> & { answeredAt: Date | string };

export type BuildSnapshotInput = {
  takenAt: Date;
  today: string;
  evaluation: ReviewEvaluation;
  decision: Verdict;
  decisionNote: string;
  /** The review's template items (all of them: answers to items outside the tier are kept too). */
  items: readonly ChecklistItemDef[];
  answers: readonly SnapshotAnswerSource[];
  waivers: readonly SnapshotWaiver[];
};

function iso(value: Date | string): string {
  return typeof value === "string" ? value : value.toISOString();
}

export function buildSnapshot(input: BuildSnapshotInput): ReviewSnapshot {
  const { evaluation } = input;
  const position = new Map(input.items.map((item, index) => [item.key, index]));
  const itemByKey = new Map(input.items.map((item) => [item.key, item]));
  const byTemplateOrder = (a: { itemKey: string }, b: { itemKey: string }) =>
    (position.get(a.itemKey) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.itemKey) ?? Number.MAX_SAFE_INTEGER);

  const answers = input.answers
    .map((answer) => {
      const item = itemByKey.get(answer.itemKey);
      return {
        itemKey: answer.itemKey,
        itemTitle: item?.title ?? answer.itemKey,
        concernKey: item?.concernKey ?? "",
        status: answer.status,
        note: answer.note,
        naReason: answer.naReason,
        answeredByEmail: answer.answeredByEmail,
        answeredAt: iso(answer.answeredAt),
        evidence: answer.evidence.map((e) => ({ url: e.url, title: e.title, kind: e.kind })),
      };
    })
    .sort(byTemplateOrder);

  return {
    version: SNAPSHOT_VERSION,
    takenAt: input.takenAt.toISOString(),
    today: input.today,
    tier: evaluation.tier,
    target: evaluation.target,
    level: evaluation.level,
    levelWithoutWaivers: evaluation.levelWithoutWaivers,
    computedVerdict: evaluation.verdict,
    decision: input.decision,
    decisionNote: input.decisionNote,
    reasons: evaluation.reasons.map((reason) => ({ ...reason, itemKeys: [...reason.itemKeys] })),
    concerns: evaluation.concerns.map((concern) => ({ ...concern })),
    nextLevel: evaluation.nextLevel
      ? { level: evaluation.nextLevel.level, items: evaluation.nextLevel.items.map((item) => ({ ...item })) }
      : null,
    answers,
    waivers: input.waivers.map((waiver) => ({ ...waiver })).sort(byTemplateOrder),
  };
}

/**
 * Snapshots come back from a JSON column, so their shape is checked before use. Only the
 * version and the top-level shape are checked: the value was written by buildSnapshot.
 */
export function isReviewSnapshot(value: unknown): value is ReviewSnapshot {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === SNAPSHOT_VERSION &&
    typeof v.takenAt === "string" &&
    typeof v.today === "string" &&
    typeof v.computedVerdict === "string" &&
    typeof v.level === "number" &&
    Array.isArray(v.reasons) &&
    Array.isArray(v.concerns) &&
    Array.isArray(v.answers) &&
    Array.isArray(v.waivers)
  );
}

export type SnapshotEvaluationInputs = { answers: AnswerMap; waivers: WaiverInput[] };

/** What the engine needs to evaluate the review again, exactly as it stood when it was decided. */
export function snapshotEvaluationInputs(snapshot: ReviewSnapshot): SnapshotEvaluationInputs {
  return {
    answers: Object.fromEntries(snapshot.answers.map((a) => [a.itemKey, { status: a.status, naReason: a.naReason }])),
    waivers: snapshot.waivers.map((w) => ({ itemKey: w.itemKey, expiresOn: w.expiresOn, status: w.status })),
  };
}

/**
 * The snapshot's per-concern counts as OutcomeCounts counts them today. Snapshots written before N/A became its own
 * count have no `na` and count justified N/A inside `met`; those are split using the snapshot's own answers, so a
 * decided review keeps exactly the figures it was decided on.
 */
export function snapshotConcerns(snapshot: ReviewSnapshot, items: readonly ChecklistItemDef[]): ConcernScore[] {
  const applicable = new Set(applicableItems(items, snapshot.tier).map((item) => item.key));
  const justifiedNa = snapshot.answers.filter((answer) => applicable.has(answer.itemKey) && isJustifiedNa(answer));
  return snapshot.concerns.map((concern) => {
    if (typeof (concern as Partial<ConcernScore>).na === "number") return concern;
    const na = justifiedNa.filter((answer) => answer.concernKey === concern.concernKey).length;
    return { ...concern, met: concern.met - na, na };
  });
}
