// The words that sum up an evaluation: one verdict headline and one sentence on where the review stands
// against its target. The overview's level card and verdict panel, the report, the Markdown export and the
// service page all print these, so two places can never tell the same review differently.

import { LEVEL_NAMES, type AchievedLevel, type Level, type Tier, type Verdict } from "./types";
import type { Reason, TargetStanding } from "./verdict";
import { VERDICT_WORDS } from "./words";

export type HeadlineInput = {
  verdict: Verdict;
  standing: TargetStanding;
  tier: Tier;
  target: Level;
  level: AchievedLevel;
  levelWithoutWaivers: AchievedLevel;
  reasons: readonly Pick<Reason, "code" | "itemKeys">[];
};

export type EvaluationHeadline = {
  /** "Conditional go: target L3 reached only thanks to waivers". */
  verdict: string;
  /** "Reaches the target L3 only thanks to waivers (L1 MVP without them)." */
  standing: string;
  /** "L3 Resilient", the level the review counts (waivers included). */
  level: string;
  /** Said beside the headline when carried answers still wait ("4 carried answers wait for confirmation."), else null. */
  waiting: string | null;
};

export const levelName = (level: AchievedLevel): string => `L${level} ${LEVEL_NAMES[level]}`;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The standing as a sentence of its own (the level card's line). */
function standingSentence(e: HeadlineInput): string {
  switch (e.standing) {
    case "MEETS":
      return e.level > e.target
        ? `Above the target L${e.target} for tier ${e.tier}, without waivers.`
        : `Meets the target L${e.target} for tier ${e.tier}, without waivers.`;
    case "NEEDS_WAIVERS":
      return `Reaches the target L${e.target} only thanks to waivers (${levelName(e.levelWithoutWaivers)} without them).`;
    case "NEEDS_PARTIALS":
      return `Below the target L${e.target} as answered (${levelName(e.level)}); the target is accepted only with partial answers.`;
    case "BELOW":
      return `Below the target L${e.target} for tier ${e.tier} (${levelName(e.level)}).`;
  }
}

/** The same standing as a clause after the verdict. */
function standingClause(e: HeadlineInput): string {
  switch (e.standing) {
    case "MEETS":
      return `${levelName(e.level)} meets the target L${e.target}`;
    case "NEEDS_WAIVERS":
      return `target L${e.target} reached only thanks to waivers`;
    case "NEEDS_PARTIALS":
      return `target L${e.target} accepted only with partial answers`;
    case "BELOW":
      return `${levelName(e.level)} is below the target L${e.target}`;
  }
}

function countOf(e: HeadlineInput, code: Reason["code"]): number {
  return e.reasons.filter((reason) => reason.code === code).length;
}

export function evaluationHeadline(e: HeadlineInput): EvaluationHeadline {
  const unmetBlockers = countOf(e, "BLOCKER_UNMET");
  const waivedBlockers = countOf(e, "BLOCKER_WAIVED");
  const clauses: string[] = [];
  if (unmetBlockers > 0) clauses.push(`${plural(unmetBlockers, "blocker", "blockers")} not met`);
  clauses.push(standingClause(e));
  if (waivedBlockers > 0) clauses.push(`${plural(waivedBlockers, "blocker", "blockers")} met only by a waiver`);
  const waitingCount = e.reasons.find((reason) => reason.code === "CARRIED_UNCONFIRMED")?.itemKeys.length ?? 0;
  return {
    verdict: `${VERDICT_WORDS[e.verdict]}: ${clauses.join("; ")}`,
    standing: standingSentence(e),
    level: levelName(e.level),
    waiting:
      waitingCount === 0
        ? null
        : `${plural(waitingCount, "carried answer waits", "carried answers wait")} for confirmation and count${waitingCount === 1 ? "s" : ""} as unanswered until then.`,
  };
}
