// What changed between two reviews of the same service, item by item. Items are matched by
// `itemKey`, which is stable across template versions, so a diff across template upgrades works;
// an item missing on one side (other template version or tier) is "ABSENT" there.

import type { ItemOutcome } from "./maturity";
import type { AchievedLevel, Level } from "./types";

export type DiffOutcome = ItemOutcome | "ABSENT";

export type DiffItemInput = {
  itemKey: string;
  itemTitle: string;
  concernKey: string;
  level: Level;
  isBlocker: boolean;
  outcome: DiffOutcome;
};

export type DiffDirection = "regression" | "improvement" | "change";

export type ItemChange = {
  itemKey: string;
  itemTitle: string;
  concernKey: string;
  level: Level;
  isBlocker: boolean;
  before: DiffOutcome;
  after: DiffOutcome;
  direction: DiffDirection;
};

export type DiffSummary = {
  total: number;
  regressions: number;
  improvements: number;
  changes: number;
  /** Regressions on blocker items: the ones a reviewer must not miss. */
  blockerRegressions: number;
  /** Items that exist only in the later review (ABSENT before). */
  added: number;
  /** Items that exist only in the earlier review (ABSENT after). */
  removed: number;
};

export type ReviewDiff = { items: ItemChange[]; summary: DiffSummary };

/**
 * MET and justified N/A both mean "nothing left to do", so moving between them is neither better
 * nor worse. ABSENT has no rank: the item was not asked, which is not comparable to an answer.
 */
export const OUTCOME_RANK: Readonly<Record<DiffOutcome, number | null>> = {
  MET: 4,
  NA: 4,
  WAIVED: 3,
  PARTIAL: 2,
  NOT_MET: 1,
  UNANSWERED: 0,
  ABSENT: null,
};

export function diffDirection(before: DiffOutcome, after: DiffOutcome): DiffDirection {
  const b = OUTCOME_RANK[before];
  const a = OUTCOME_RANK[after];
  if (b === null || a === null || a === b) return "change";
  return a > b ? "improvement" : "regression";
}

const GROUP_ORDER: Record<DiffDirection, number> = { regression: 0, change: 1, improvement: 2 };

/**
 * Changed items only. Order: regressions (blockers first, then lower level first — a lost L1 item
 * drops the level furthest — then template order), then changes, then improvements, both in
 * template order. Template order is the order of `after`, followed by items only in `before`.
 * On a duplicated itemKey the first occurrence wins.
 */
export function diffReviews(before: readonly DiffItemInput[], after: readonly DiffItemInput[]): ReviewDiff {
  const beforeByKey = new Map<string, DiffItemInput>();
  for (const row of before) if (!beforeByKey.has(row.itemKey)) beforeByKey.set(row.itemKey, row);
  const afterByKey = new Map<string, DiffItemInput>();
  for (const row of after) if (!afterByKey.has(row.itemKey)) afterByKey.set(row.itemKey, row);

  const keys = [...afterByKey.keys(), ...[...beforeByKey.keys()].filter((key) => !afterByKey.has(key))];
  const changed: { change: ItemChange; order: number }[] = [];
  keys.forEach((key, order) => {
    const b = beforeByKey.get(key);
    const a = afterByKey.get(key);
    // The later review describes the item as it is now (title may have been reworded).
    const meta = a ?? b;
    if (!meta) return;
    const beforeOutcome = b?.outcome ?? "ABSENT";
    const afterOutcome = a?.outcome ?? "ABSENT";
    if (beforeOutcome === afterOutcome) return;
    changed.push({
      order,
      change: {
        itemKey: meta.itemKey,
        itemTitle: meta.itemTitle,
        concernKey: meta.concernKey,
        level: meta.level,
        isBlocker: meta.isBlocker,
        before: beforeOutcome,
        after: afterOutcome,
        direction: diffDirection(beforeOutcome, afterOutcome),
      },
    });
  });

  changed.sort((x, y) => {
    const group = GROUP_ORDER[x.change.direction] - GROUP_ORDER[y.change.direction];
    if (group !== 0) return group;
    if (x.change.direction === "regression") {
      if (x.change.isBlocker !== y.change.isBlocker) return x.change.isBlocker ? -1 : 1;
      if (x.change.level !== y.change.level) return x.change.level - y.change.level;
    }
    return x.order - y.order;
  });

  const items = changed.map((entry) => entry.change);
  return { items, summary: summarize(items) };
}

function summarize(items: readonly ItemChange[]): DiffSummary {
  const summary: DiffSummary = {
    total: items.length,
    regressions: 0,
    improvements: 0,
    changes: 0,
    blockerRegressions: 0,
    added: 0,
    removed: 0,
  };
  for (const item of items) {
    if (item.direction === "regression") {
      summary.regressions += 1;
      if (item.isBlocker) summary.blockerRegressions += 1;
    } else if (item.direction === "improvement") summary.improvements += 1;
    else summary.changes += 1;
    if (item.before === "ABSENT") summary.added += 1;
    if (item.after === "ABSENT") summary.removed += 1;
  }
  return summary;
}

export type LevelChange = {
  before: AchievedLevel | null;
  after: AchievedLevel | null;
  /** after − before; null when either side has no decided level. */
  delta: number | null;
  direction: "up" | "down" | "same" | "unknown";
  /** Short text, e.g. "L2 → L3 (+1)", "L3 → L1 (−2)", "L2 (unchanged)", "— → L1". */
  label: string;
};

function levelText(level: AchievedLevel | null): string {
  return level === null ? "—" : `L${level}`;
}

export function levelChange(before: AchievedLevel | null, after: AchievedLevel | null): LevelChange {
  if (before === null || after === null) {
    return { before, after, delta: null, direction: "unknown", label: `${levelText(before)} → ${levelText(after)}` };
  }
  const delta = after - before;
  if (delta === 0) return { before, after, delta, direction: "same", label: `L${after} (unchanged)` };
  // U+2212 minus reads better than a hyphen and screen readers announce it as "minus".
  const signed = delta > 0 ? `+${delta}` : `\u2212${-delta}`;
  return { before, after, delta, direction: delta > 0 ? "up" : "down", label: `L${before} → L${after} (${signed})` };
}
