// Go / conditional go / no-go verdict, with the reasons behind it.
//
// Precedence (each reason carries a severity; the verdict is the worst severity present):
//   1. NO_GO (severity "blocker"):
//      - BLOCKER_UNMET: an applicable blocker item is PARTIAL, NOT_MET or UNANSWERED (one reason per
//        item). A PARTIAL blocker is never accepted conditionally.
//      - BELOW_TARGET: level < target, unless rule 2c applies. itemKeys = items still missing for
//        the target level.
//   2. CONDITIONAL_GO (severity "warning"), only reachable when nothing in 1 fired for the target:
//      a. TARGET_NEEDS_WAIVERS: the target is reached, but some items at or below the target only
//         count thanks to an active waiver (equivalently levelWithoutWaivers < target).
//      b. BLOCKER_WAIVED: an applicable blocker (any level) counts only thanks to a waiver (one per item).
//      c. TARGET_NEEDS_PARTIALS: level < target but levelCountingPartials >= target and no blocker is
//         unmet. PARTIAL never lifts `level`, so this is the only way partials are accepted: the
//         remaining gaps are all PARTIAL answers (no NOT_MET / unanswered items up to the target).
//   3. GO: nothing above fired.
// Info reasons never change the verdict:
//   - MEETS_TARGET whenever level >= target (also alongside warnings, so the page can say both).
//   - WAIVER_EXPIRED for each applicable, not-met item whose approved waiver has expired, so users
//     see why the waiver stopped counting.
//   - CARRIED_UNCONFIRMED once, naming every applicable item whose answer was carried forward from the
//     previous review and still waits for confirmation (those items count as unanswered until then).
// Warnings are emitted even when the verdict is NO_GO: they are still facts the approver must see.
// Order: blocker → warning → info, then by code (order below), then by template order of the first item.

import { computeMaturity, missingItemsUpTo, type MaturityInput, type MaturityResult } from "./maturity";
import { defaultTierTargets, targetLevelForTier, type TierTargets } from "./targets";
import type { AchievedLevel, ChecklistItemDef, Level, Tier, Verdict } from "./types";
import { summarizeWaivers } from "./waivers";

export const REASON_CODES = [
  "BLOCKER_UNMET",
  "BELOW_TARGET",
  "BLOCKER_WAIVED",
  "TARGET_NEEDS_WAIVERS",
  "TARGET_NEEDS_PARTIALS",
  "MEETS_TARGET",
  "WAIVER_EXPIRED",
  "CARRIED_UNCONFIRMED",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type ReasonSeverity = "blocker" | "warning" | "info";

export type Reason = {
  code: ReasonCode;
  severity: ReasonSeverity;
  message: string;
  /** Template order. */
  itemKeys: string[];
};

export type ReviewInput = MaturityInput & {
  /** Organisation-specific tier → level mapping; defaults to defaultTierTargets. */
  tierTargets?: TierTargets;
};

/**
 * Where the review stands against its target: the one fact the level card, the verdict headline, the report and
 * the export all state, so none of them can say "below the target" while another says "reached".
 * - MEETS: reached without waivers (level without waivers >= target).
 * - NEEDS_WAIVERS: the level reaches the target, but only with active waivers counted.
 * - NEEDS_PARTIALS: the level is below the target; the target is accepted only because every remaining gap
 *   is a partial answer (see TARGET_NEEDS_PARTIALS). Waivers may be needed as well.
 * - BELOW: not reached, and not acceptable.
 */
export const TARGET_STANDINGS = ["MEETS", "NEEDS_WAIVERS", "NEEDS_PARTIALS", "BELOW"] as const;
export type TargetStanding = (typeof TARGET_STANDINGS)[number];

export type VerdictResult = {
  verdict: Verdict;
  reasons: Reason[];
  standing: TargetStanding;
  tier: Tier;
  target: Level;
  level: AchievedLevel;
  levelWithoutWaivers: AchievedLevel;
  levelCountingPartials: AchievedLevel;
};

export type ReviewEvaluation = MaturityResult & VerdictResult;

export const SEVERITY_RANK: Record<ReasonSeverity, number> = { blocker: 0, warning: 1, info: 2 };
export const VERDICT_FOR_SEVERITY: Record<ReasonSeverity, Verdict> = {
  blocker: "NO_GO",
  warning: "CONDITIONAL_GO",
  info: "GO",
};

/** A reason names at most this many items in its words; pages show longer lists as a count with a disclosure. */
export const REASON_NAMES_LIMIT = 5;

function quoteTitles(items: readonly ChecklistItemDef[]): string {
  if (items.length > REASON_NAMES_LIMIT) return `${items.length} items`;
  return items.map((item) => `"${item.title}"`).join(", ");
}

function blockerUnmetMessage(item: ChecklistItemDef, input: MaturityInput, m: MaturityResult): string {
  const outcome = m.outcomes[item.key];
  if (input.answers[item.key]?.awaitsConfirmation)
    return `Blocker "${item.title}" was carried from the previous review and waits for confirmation`;
  if (outcome === "PARTIAL") return `Blocker "${item.title}" is only partially met`;
  if (outcome === "NOT_MET") return `Blocker "${item.title}" is not met`;
  if (input.answers[item.key]?.status === "NOT_APPLICABLE") {
    return `Blocker "${item.title}" is marked not applicable without a reason`;
  }
  return `Blocker "${item.title}" is unanswered`;
}

function buildReasons(input: ReviewInput, m: MaturityResult, target: Level): Reason[] {
  const reasons: Reason[] = [];
  const items = m.applicableItems;
  const waivers = summarizeWaivers(input.waivers, input.today);
  const upToTarget = items.filter((item) => item.level <= target);
  const forTier = `for a tier ${input.tier} service`;

  const unmetBlockers = items.filter((item) => {
    const outcome = m.outcomes[item.key];
    return item.isBlocker && (outcome === "PARTIAL" || outcome === "NOT_MET" || outcome === "UNANSWERED");
  });
  for (const item of unmetBlockers) {
    reasons.push({ code: "BLOCKER_UNMET", severity: "blocker", message: blockerUnmetMessage(item, input, m), itemKeys: [item.key] });
  }

  for (const item of items.filter((i) => i.isBlocker && m.outcomes[i.key] === "WAIVED")) {
    const until = waivers.get(item.key)?.activeUntil;
    reasons.push({
      code: "BLOCKER_WAIVED",
      severity: "warning",
      message: `Blocker "${item.title}" is satisfied only by a waiver${until ? ` (expires ${until})` : ""}`,
      itemKeys: [item.key],
    });
  }

  const acceptedWithPartials = m.level < target && m.levelCountingPartials >= target && unmetBlockers.length === 0;
  const reachesTarget = m.level >= target || acceptedWithPartials;
  if (!reachesTarget) {
    const missing = missingItemsUpTo(items, m.outcomes, target);
    reasons.push({
      code: "BELOW_TARGET",
      severity: "blocker",
      message: `Level L${m.level} is below the target L${target} ${forTier}`,
      itemKeys: missing.map((item) => item.key),
    });
  }

  if (acceptedWithPartials) {
    const partials = upToTarget.filter((item) => m.outcomes[item.key] === "PARTIAL");
    reasons.push({
      code: "TARGET_NEEDS_PARTIALS",
      severity: "warning",
      message: `Level L${m.level} is below the target L${target}; the target is accepted only with the partial answers on ${quoteTitles(partials)}`,
      itemKeys: partials.map((item) => item.key),
    });
  }

  const waivedUpToTarget = upToTarget.filter((item) => m.outcomes[item.key] === "WAIVED");
  if (reachesTarget && waivedUpToTarget.length > 0) {
    // Accepted with partials, the level itself stays below the target: the waivers are a second condition,
    // never "the target is reached".
    const message = acceptedWithPartials
      ? `Accepting target L${target} with partial answers also needs the waivers on ${quoteTitles(waivedUpToTarget)}`
      : `Target L${target} is reached only thanks to waivers on ${quoteTitles(waivedUpToTarget)}`;
    reasons.push({
      code: "TARGET_NEEDS_WAIVERS",
      severity: "warning",
      message,
      itemKeys: waivedUpToTarget.map((item) => item.key),
    });
  }

  if (m.level >= target) {
    reasons.push({
      code: "MEETS_TARGET",
      severity: "info",
      message: `Level L${m.level} meets the target L${target} ${forTier}`,
      itemKeys: [],
    });
  }

  for (const item of items) {
    const outcome = m.outcomes[item.key];
    const expiredOn = waivers.get(item.key)?.expiredOn;
    if (!expiredOn || outcome === "MET" || outcome === "NA" || outcome === "WAIVED") continue;
    reasons.push({
      code: "WAIVER_EXPIRED",
      severity: "info",
      message: `The waiver for "${item.title}" expired on ${expiredOn} and no longer counts`,
      itemKeys: [item.key],
    });
  }

  const waiting = m.awaitingConfirmation.length;
  if (waiting > 0) {
    reasons.push({
      code: "CARRIED_UNCONFIRMED",
      severity: "info",
      message:
        waiting === 1
          ? "1 answer carried from the previous review waits for confirmation; it counts once someone confirms it"
          : `${waiting} answers carried from the previous review wait for confirmation; they count once someone confirms them`,
      itemKeys: [...m.awaitingConfirmation],
    });
  }

  return sortReasons(reasons, items);
}

function sortReasons(reasons: Reason[], items: readonly ChecklistItemDef[]): Reason[] {
  const position = new Map(items.map((item, index) => [item.key, index]));
  const firstItem = (reason: Reason) => {
    const first = reason.itemKeys[0];
    return first === undefined ? Number.MAX_SAFE_INTEGER : (position.get(first) ?? Number.MAX_SAFE_INTEGER);
  };
  return [...reasons].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code) ||
      firstItem(a) - firstItem(b),
  );
}

/**
 * The standing from the headline values and the reasons, so a frozen review (whose snapshot keeps those) gets
 * the same answer as a live one. TARGET_NEEDS_PARTIALS is emitted exactly when the target is accepted with partials.
 */
export function targetStanding(result: {
  level: AchievedLevel;
  levelWithoutWaivers: AchievedLevel;
  target: Level;
  reasons: readonly Pick<Reason, "code">[];
}): TargetStanding {
  if (result.level >= result.target) return result.levelWithoutWaivers >= result.target ? "MEETS" : "NEEDS_WAIVERS";
  return result.reasons.some((reason) => reason.code === "TARGET_NEEDS_PARTIALS") ? "NEEDS_PARTIALS" : "BELOW";
}

function verdictFromMaturity(input: ReviewInput, m: MaturityResult): VerdictResult {
  const target = targetLevelForTier(input.tier, input.tierTargets ?? defaultTierTargets);
  const reasons = buildReasons(input, m, target);
  // Reasons are sorted most severe first, so the first one decides.
  const worst = reasons[0]?.severity ?? "info";
  return {
    verdict: VERDICT_FOR_SEVERITY[worst],
    reasons,
    standing: targetStanding({ level: m.level, levelWithoutWaivers: m.levelWithoutWaivers, target, reasons }),
    tier: input.tier,
    target,
    level: m.level,
    levelWithoutWaivers: m.levelWithoutWaivers,
    levelCountingPartials: m.levelCountingPartials,
  };
}

export function computeVerdict(input: ReviewInput): VerdictResult {
  return verdictFromMaturity(input, computeMaturity(input));
}

/** The one entry point for the page, the API, exports and tests: maturity + verdict in one result. */
export function evaluateReview(input: ReviewInput): ReviewEvaluation {
  const maturity = computeMaturity(input);
  return { ...maturity, ...verdictFromMaturity(input, maturity) };
}

/** Strictness order: GO < CONDITIONAL_GO < NO_GO. */
export const VERDICT_STRICTNESS: Record<Verdict, number> = { GO: 0, CONDITIONAL_GO: 1, NO_GO: 2 };

/** A recorded decision may be stricter than the computed verdict, never looser. */
export function isDecisionAllowed(computed: Verdict, decided: Verdict): boolean {
  return VERDICT_STRICTNESS[decided] >= VERDICT_STRICTNESS[computed];
}
