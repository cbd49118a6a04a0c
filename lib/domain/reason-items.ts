// What a long list of items says in one line: "54 items unanswered", "12 items: 8 unanswered, 4 not met".
// Pages show such a count with a disclosure instead of dozens of links; print and exports still list them all.

import type { ItemOutcome } from "./maturity";
import { REASON_NAMES_LIMIT, type ReasonCode } from "./verdict";
import { ITEM_OUTCOME_WORDS } from "./words";

/** Lists longer than this collapse behind their count. */
export const ITEM_LIST_LIMIT = REASON_NAMES_LIMIT;

export function isLongItemList(count: number): boolean {
  return count > ITEM_LIST_LIMIT;
}

const itemsWord = (count: number) => `${count} ${count === 1 ? "item" : "items"}`;

/** The count sentence for a list of items, by their outcomes (most frequent first, then engine order). */
export function itemCountSentence(outcomes: readonly ItemOutcome[], code?: ReasonCode): string {
  if (code === "CARRIED_UNCONFIRMED") {
    return `${itemsWord(outcomes.length)} ${outcomes.length === 1 ? "waits" : "wait"} for confirmation`;
  }
  const tally = new Map<ItemOutcome, number>();
  for (const outcome of outcomes) tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
  const parts = [...tally].sort((a, b) => b[1] - a[1]);
  if (parts.length === 1) return `${itemsWord(outcomes.length)} ${ITEM_OUTCOME_WORDS[parts[0]![0]].toLowerCase()}`;
  return `${itemsWord(outcomes.length)}: ${parts.map(([outcome, count]) => `${count} ${ITEM_OUTCOME_WORDS[outcome].toLowerCase()}`).join(", ")}`;
}
