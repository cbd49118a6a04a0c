import { describe, expect, it } from "vitest";
import {
  buildMovementMatrix,
  bucketLabel,
  describeMovement,
  MOVEMENT_BUCKETS,
  type MovementLevel,
  type MovementPair,
} from "./movement-matrix";

let nextId = 0;
/** `count` services moving from → to. */
function moves(from: MovementLevel, to: MovementLevel, count = 1): MovementPair[] {
  return Array.from({ length: count }, () => ({ serviceId: `s${(nextId += 1)}`, from, to }));
}

/** Matrix index of a level, so expectations read as levels rather than offsets. */
const at = (level: MovementLevel) => MOVEMENT_BUCKETS.indexOf(level);

describe("buildMovementMatrix", () => {
  it("is a 6×6 zero matrix for no services", () => {
    const matrix = buildMovementMatrix([]);
    expect(matrix.buckets).toEqual([null, 0, 1, 2, 3, 4]);
    expect(matrix.cells).toEqual(Array.from({ length: 6 }, () => [0, 0, 0, 0, 0, 0]));
    expect(matrix.rowTotals).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matrix.columnTotals).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matrix.total).toBe(0);
    expect(matrix.summary).toEqual({ up: 0, down: 0, same: 0, newlyReviewed: 0, notReviewed: 0, noLongerReviewed: 0 });
  });

  it("counts each pair in its cell, with row and column totals", () => {
    const matrix = buildMovementMatrix([...moves(1, 2, 5), ...moves(2, 2, 3), ...moves(null, 1, 2), ...moves(3, 1)]);
    expect(matrix.cells[at(1)]?.[at(2)]).toBe(5);
    expect(matrix.cells[at(2)]?.[at(2)]).toBe(3);
    expect(matrix.cells[at(null)]?.[at(1)]).toBe(2);
    expect(matrix.cells[at(3)]?.[at(1)]).toBe(1);
    expect(matrix.rowTotals).toEqual([2, 0, 5, 3, 1, 0]);
    expect(matrix.columnTotals).toEqual([0, 0, 3, 8, 0, 0]);
    expect(matrix.total).toBe(11);
  });

  it.each<[string, MovementLevel, MovementLevel, keyof ReturnType<typeof buildMovementMatrix>["summary"]]>([
    ["L1 → L2", 1, 2, "up"],
    ["L0 → L4", 0, 4, "up"],
    ["L3 → L0", 3, 0, "down"],
    ["L2 → L2", 2, 2, "same"],
    ["L0 → L0", 0, 0, "same"],
    ["not reviewed → L0", null, 0, "newlyReviewed"],
    ["not reviewed at either point", null, null, "notReviewed"],
    ["L2 → not reviewed", 2, null, "noLongerReviewed"],
  ])("%s counts as %s", (_label, from, to, key) => {
    const { summary } = buildMovementMatrix(moves(from, to));
    expect(summary[key]).toBe(1);
    expect(Object.values(summary).reduce((sum, n) => sum + n, 0)).toBe(1);
  });

  it("summary categories and totals add up to the number of services", () => {
    const matrix = buildMovementMatrix([
      ...moves(0, 1, 4),
      ...moves(4, 2, 2),
      ...moves(3, 3, 7),
      ...moves(null, 2, 3),
      ...moves(null, null, 1),
    ]);
    const s = matrix.summary;
    expect(s.up + s.down + s.same + s.newlyReviewed + s.notReviewed + s.noLongerReviewed).toBe(matrix.total);
    expect(matrix.rowTotals.reduce((a, b) => a + b, 0)).toBe(17);
    expect(matrix.columnTotals.reduce((a, b) => a + b, 0)).toBe(17);
  });

  it("counts a service once even if it appears twice (first pair wins)", () => {
    const matrix = buildMovementMatrix([
      { serviceId: "a", from: 1, to: 2 },
      { serviceId: "a", from: 2, to: 1 },
    ]);
    expect(matrix.total).toBe(1);
    expect(matrix.summary.up).toBe(1);
  });

  it("rejects a level outside 0–4 instead of miscounting", () => {
    expect(() => buildMovementMatrix([{ serviceId: "x", from: 5 as MovementLevel, to: 1 }])).toThrow(RangeError);
  });
});

describe("describeMovement", () => {
  it("has a single sentence for an empty portfolio", () => {
    expect(describeMovement(buildMovementMatrix([]))).toEqual(["No services to compare."]);
  });

  it("summarizes and lists every off-diagonal cell in row-major order", () => {
    const matrix = buildMovementMatrix([...moves(1, 2, 5), ...moves(0, 3, 7), ...moves(3, 1, 3), ...moves(2, 2, 40), ...moves(null, 1, 2)]);
    expect(describeMovement(matrix)).toEqual([
      "12 services moved up a level or more, 3 moved down, 40 stayed the same.",
      "2 services got their first decided review.",
      "Not reviewed → L1: 2 services",
      "L0 → L3: 7 services",
      "L1 → L2: 5 services",
      "L3 → L1: 3 services",
    ]);
  });

  it("uses the singular for one service and mentions unusual categories", () => {
    const matrix = buildMovementMatrix([...moves(1, 2), ...moves(null, 0), ...moves(2, null), ...moves(null, null)]);
    expect(describeMovement(matrix)).toEqual([
      "1 service moved up a level or more, 0 moved down, 0 stayed the same.",
      "1 service got its first decided review.",
      "1 service no longer had a decided review.",
      "1 service had no decided review at either point.",
      "Not reviewed → L0: 1 service",
      "L1 → L2: 1 service",
      "L2 → Not reviewed: 1 service",
    ]);
  });

  it("lists no cell lines when nothing moved", () => {
    expect(describeMovement(buildMovementMatrix(moves(4, 4, 3)))).toEqual([
      "0 services moved up a level or more, 0 moved down, 3 stayed the same.",
    ]);
  });

  it("labels buckets", () => {
    expect(MOVEMENT_BUCKETS.map(bucketLabel)).toEqual(["Not reviewed", "L0", "L1", "L2", "L3", "L4"]);
  });
});
