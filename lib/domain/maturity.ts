// Maturity: per-item outcomes, the achieved level in three flavours, per-concern and per-level
// tallies, and what the next level still needs. Pure: all inputs (including `today`) are passed in.

import { LEVELS, type AchievedLevel, type AnswerStatus, type ChecklistItemDef, type Level, type Tier } from "./types";
import { summarizeWaivers, type WaiverInput } from "./waivers";

/**
 * `awaitsConfirmation`: carried forward from an earlier review and not confirmed yet. Such an answer counts for
 * nothing (the item is treated as unanswered) until someone confirms it or changes its status.
 */
export type AnswerInput = { status: AnswerStatus; naReason?: string | null; awaitsConfirmation?: boolean };
/** Answers keyed by item key; a missing key means unanswered. */
export type AnswerMap = Readonly<Record<string, AnswerInput | undefined>>;

export const ITEM_OUTCOMES = ["MET", "NA", "WAIVED", "PARTIAL", "NOT_MET", "UNANSWERED"] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];
/** Outcome per applicable item key (non-applicable items are absent). */
export type OutcomeMap = Record<string, ItemOutcome>;

/**
 * - "withWaivers": the headline level (MET, NA, WAIVED count).
 * - "withoutWaivers": what the service really achieves on its own.
 * - "countingPartials": also counts PARTIAL, to detect "reaches target only thanks to partials".
 */
export type LevelFlavour = "withWaivers" | "withoutWaivers" | "countingPartials";

const COUNTS_AS_MET: Record<LevelFlavour, ReadonlySet<ItemOutcome>> = {
  withWaivers: new Set<ItemOutcome>(["MET", "NA", "WAIVED"]),
  withoutWaivers: new Set<ItemOutcome>(["MET", "NA"]),
  countingPartials: new Set<ItemOutcome>(["MET", "NA", "WAIVED", "PARTIAL"]),
};

export function countsAsMet(outcome: ItemOutcome, flavour: LevelFlavour = "withWaivers"): boolean {
  return COUNTS_AS_MET[flavour].has(outcome);
}

export function isApplicable(item: ChecklistItemDef, tier: Tier): boolean {
  return item.tiers.includes(tier);
}

/** Items for this tier, in template order. Everything else is ignored entirely by the engine. */
export function applicableItems(items: readonly ChecklistItemDef[], tier: Tier): ChecklistItemDef[] {
  return items.filter((item) => isApplicable(item, tier));
}

/** True when the answer is N/A with a real justification; N/A without one is treated as unanswered. */
export function isJustifiedNa(answer: AnswerInput | undefined): boolean {
  return answer?.status === "NOT_APPLICABLE" && (answer.naReason ?? "").trim() !== "";
}

/** The answer as the engine counts it: one that waits for confirmation is no answer yet. */
function countedAnswer(answer: AnswerInput | undefined): AnswerInput | undefined {
  return answer?.awaitsConfirmation ? undefined : answer;
}

/** Met or justified N/A as answered, confirmed or not: such an item needs no waiver. */
export function isAnsweredAsMet(answer: AnswerInput | null | undefined): boolean {
  return answer?.status === "MET" || isJustifiedNa(answer ?? undefined);
}

/** A real MET / justified N/A wins over a waiver, so waivers only ever show up where they matter. */
export function itemOutcome(given: AnswerInput | undefined, hasActiveWaiver: boolean): ItemOutcome {
  const answer = countedAnswer(given);
  if (answer?.status === "MET") return "MET";
  if (isJustifiedNa(answer)) return "NA";
  if (hasActiveWaiver) return "WAIVED";
  if (answer?.status === "PARTIAL") return "PARTIAL";
  if (answer?.status === "NOT_MET") return "NOT_MET";
  return "UNANSWERED";
}

export function computeOutcomes(
  items: readonly ChecklistItemDef[],
  answers: AnswerMap,
  waivers: readonly WaiverInput[],
  today: string,
): OutcomeMap {
  const waiverSummary = summarizeWaivers(waivers, today);
  const outcomes: OutcomeMap = {};
  for (const item of items) {
    outcomes[item.key] = itemOutcome(answers[item.key], waiverSummary.get(item.key)?.activeUntil != null);
  }
  return outcomes;
}

function outcomeOf(outcomes: OutcomeMap, key: string): ItemOutcome {
  return outcomes[key] ?? "UNANSWERED";
}

/**
 * Highest L such that every item with level <= L counts as met. Walking up and stopping at the
 * first gap means an empty level is satisfied, but only claimable when all lower levels are.
 */
export function achievedLevel(
  items: readonly ChecklistItemDef[],
  outcomes: OutcomeMap,
  flavour: LevelFlavour = "withWaivers",
): AchievedLevel {
  let achieved: AchievedLevel = 0;
  for (const level of LEVELS) {
    const satisfied = items.every((item) => item.level > level || countsAsMet(outcomeOf(outcomes, item.key), flavour));
    if (!satisfied) break;
    achieved = level;
  }
  return achieved;
}

export type MissingItem = Pick<ChecklistItemDef, "key" | "title" | "concernKey" | "level"> & { outcome: ItemOutcome };

/** Items of level <= upTo that do not count as met (template order). */
export function missingItemsUpTo(
  items: readonly ChecklistItemDef[],
  outcomes: OutcomeMap,
  upTo: Level,
  flavour: LevelFlavour = "withWaivers",
): MissingItem[] {
  return items
    .filter((item) => item.level <= upTo && !countsAsMet(outcomeOf(outcomes, item.key), flavour))
    .map((item) => ({
      key: item.key,
      title: item.title,
      concernKey: item.concernKey,
      level: item.level,
      outcome: outcomeOf(outcomes, item.key),
    }));
}

/**
 * How every page, report and export counts a set of items (one rule, so the overview, the report, the Markdown
 * export and the CSV never disagree):
 * - `total` is every applicable item; a justified N/A is applicable and stays in it.
 * - `met` is MET answers only; `na` is justified N/A, shown as its own count. Both count toward the level.
 * - `total = met + na + waived + partial + notMet + unanswered`; an N/A without a reason is unanswered.
 * - `answered` counts any stored answer (N/A without reason included) except carried ones awaiting confirmation,
 *   so it is independent of outcomes.
 */
export type OutcomeCounts = {
  total: number;
  answered: number;
  met: number;
  na: number;
  waived: number;
  partial: number;
  notMet: number;
  unanswered: number;
  /** (met + na + waived) / total: the share that counts toward the level; 0 when total is 0. */
  score: number;
};

export type ConcernScore = { concernKey: string } & OutcomeCounts;
/** Counts for items whose level is exactly `level`. */
export type LevelCounts = { level: Level } & OutcomeCounts;
export type NextLevelNeeds = { level: Level; items: MissingItem[] };

export function tallyOutcomes(items: readonly ChecklistItemDef[], outcomes: OutcomeMap, answers: AnswerMap): OutcomeCounts {
  const counts: OutcomeCounts = { total: 0, answered: 0, met: 0, na: 0, waived: 0, partial: 0, notMet: 0, unanswered: 0, score: 0 };
  for (const item of items) {
    counts.total += 1;
    if (countedAnswer(answers[item.key]) !== undefined) counts.answered += 1;
    const outcome = outcomeOf(outcomes, item.key);
    if (outcome === "MET") counts.met += 1;
    else if (outcome === "NA") counts.na += 1;
    else if (outcome === "WAIVED") counts.waived += 1;
    else if (outcome === "PARTIAL") counts.partial += 1;
    else if (outcome === "NOT_MET") counts.notMet += 1;
    else counts.unanswered += 1;
  }
  counts.score = counts.total === 0 ? 0 : (counts.met + counts.na + counts.waived) / counts.total;
  return counts;
}

export type MaturityInput = {
  /** The whole template; items not applicable to `tier` are dropped here. */
  items: readonly ChecklistItemDef[];
  tier: Tier;
  answers: AnswerMap;
  waivers: readonly WaiverInput[];
  /** YYYY-MM-DD at read time. */
  today: string;
};

export type MaturityResult = {
  applicableItems: ChecklistItemDef[];
  outcomes: OutcomeMap;
  level: AchievedLevel;
  levelWithoutWaivers: AchievedLevel;
  levelCountingPartials: AchievedLevel;
  totals: OutcomeCounts;
  /** In order of each concern's first item in the template. */
  concerns: ConcernScore[];
  /** Always four entries, L1..L4. */
  levels: LevelCounts[];
  /** null when already at L4. */
  nextLevel: NextLevelNeeds | null;
  /** Applicable items whose carried answer waits for confirmation (template order); they count as unanswered. */
  awaitingConfirmation: string[];
};

export function computeMaturity(input: MaturityInput): MaturityResult {
  const items = applicableItems(input.items, input.tier);
  const outcomes = computeOutcomes(items, input.answers, input.waivers, input.today);
  const level = achievedLevel(items, outcomes, "withWaivers");

  const concernKeys = [...new Set(items.map((item) => item.concernKey))];
  const concerns = concernKeys.map((concernKey) => ({
    concernKey,
    ...tallyOutcomes(
      items.filter((item) => item.concernKey === concernKey),
      outcomes,
      input.answers,
    ),
  }));
  const levels = LEVELS.map((lvl) => ({
    level: lvl,
    ...tallyOutcomes(
      items.filter((item) => item.level === lvl),
      outcomes,
      input.answers,
    ),
  }));

  const next = level < 4 ? ((level + 1) as Level) : null;
  return {
    applicableItems: items,
    outcomes,
    level,
    levelWithoutWaivers: achievedLevel(items, outcomes, "withoutWaivers"),
    levelCountingPartials: achievedLevel(items, outcomes, "countingPartials"),
    totals: tallyOutcomes(items, outcomes, input.answers),
    concerns,
    levels,
    nextLevel: next === null ? null : { level: next, items: missingItemsUpTo(items, outcomes, next) },
    awaitingConfirmation: items.filter((item) => input.answers[item.key]?.awaitsConfirmation === true).map((item) => item.key),
  };
}
