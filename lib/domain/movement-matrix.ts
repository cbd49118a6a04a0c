// Level movement between two quarters: for every service, its decided level at the end of the
// earlier quarter (row) against the end of the later one (column). The matrix feeds a visual
// grid; describeMovement gives the same facts as sentences for screen readers.

import type { AchievedLevel } from "./types";

/** null = no decided review by then. */
export type MovementLevel = AchievedLevel | null;
export type MovementPair = { serviceId: string; from: MovementLevel; to: MovementLevel };

/** Row/column order of the matrix. */
export const MOVEMENT_BUCKETS: readonly MovementLevel[] = [null, 0, 1, 2, 3, 4];

export type MovementSummary = {
  /** Reviewed both times, higher level now. */
  up: number;
  down: number;
  same: number;
  /** No decided review at `from`, one at `to`. */
  newlyReviewed: number;
  /** Not reviewed at either point. */
  notReviewed: number;
  /** Reviewed at `from` but not at `to` — unusual (e.g. a review withdrawn), counted so totals add up. */
  noLongerReviewed: number;
};

export type MovementMatrix = {
  buckets: readonly MovementLevel[];
  /** cells[row = from][column = to], indexed like `buckets`. */
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  summary: MovementSummary;
};

export function bucketLabel(level: MovementLevel): string {
  return level === null ? "Not reviewed" : `L${level}`;
}

function bucketIndex(level: MovementLevel): number {
  const index = MOVEMENT_BUCKETS.indexOf(level);
  // Types forbid it, but levels come from the database; a silent miscount would be worse.
  if (index < 0) throw new RangeError(`Not a maturity level: ${String(level)}`);
  return index;
}

/** Each service counts once (first pair wins) so a duplicated row cannot inflate the picture. */
export function buildMovementMatrix(pairs: readonly MovementPair[]): MovementMatrix {
  const size = MOVEMENT_BUCKETS.length;
  const cells = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rowTotals = new Array<number>(size).fill(0);
  const columnTotals = new Array<number>(size).fill(0);
  const summary: MovementSummary = { up: 0, down: 0, same: 0, newlyReviewed: 0, notReviewed: 0, noLongerReviewed: 0 };
  const seen = new Set<string>();
  let total = 0;

  for (const pair of pairs) {
    if (seen.has(pair.serviceId)) continue;
    seen.add(pair.serviceId);
    const row = bucketIndex(pair.from);
    const column = bucketIndex(pair.to);
    const cellRow = cells[row];
    if (cellRow) cellRow[column] = (cellRow[column] ?? 0) + 1;
    rowTotals[row] = (rowTotals[row] ?? 0) + 1;
    columnTotals[column] = (columnTotals[column] ?? 0) + 1;
    total += 1;

    if (pair.from === null) {
      if (pair.to === null) summary.notReviewed += 1;
      else summary.newlyReviewed += 1;
    } else if (pair.to === null) summary.noLongerReviewed += 1;
    else if (pair.to > pair.from) summary.up += 1;
    else if (pair.to < pair.from) summary.down += 1;
    else summary.same += 1;
  }

  return { buckets: MOVEMENT_BUCKETS, cells, rowTotals, columnTotals, total, summary };
}

function services(count: number): string {
  return `${count} ${count === 1 ? "service" : "services"}`;
}

/**
 * Sentences for an accessible text alternative: an overview line, then one line per non-zero
 * off-diagonal cell ("L1 → L2: 5 services") in row-major order, so the text carries every
 * movement the grid shows. Diagonal cells are summed up in "stayed the same".
 */
export function describeMovement(matrix: MovementMatrix): string[] {
  if (matrix.total === 0) return ["No services to compare."];
  const { up, down, same, newlyReviewed, notReviewed, noLongerReviewed } = matrix.summary;
  const lines = [`${services(up)} moved up a level or more, ${down} moved down, ${same} stayed the same.`];
  if (newlyReviewed > 0) lines.push(`${services(newlyReviewed)} got ${newlyReviewed === 1 ? "its" : "their"} first decided review.`);
  if (noLongerReviewed > 0) lines.push(`${services(noLongerReviewed)} no longer had a decided review.`);
  if (notReviewed > 0) lines.push(`${services(notReviewed)} had no decided review at either point.`);

  matrix.buckets.forEach((from, row) => {
    matrix.buckets.forEach((to, column) => {
      const count = matrix.cells[row]?.[column] ?? 0;
      if (row !== column && count > 0) lines.push(`${bucketLabel(from)} → ${bucketLabel(to)}: ${services(count)}`);
    });
  });
  return lines;
}
