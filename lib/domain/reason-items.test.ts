import { describe, expect, it } from "vitest";
import { isLongItemList, itemCountSentence } from "./reason-items";

describe("itemCountSentence", () => {
  it.each([
    [Array(54).fill("UNANSWERED"), undefined, "54 items unanswered"],
    [["UNANSWERED", "NOT_MET", "UNANSWERED", "PARTIAL"], undefined, "4 items: 2 unanswered, 1 not met, 1 partially met"],
    [["WAIVED"], undefined, "1 item waived"],
    [Array(7).fill("UNANSWERED"), "CARRIED_UNCONFIRMED", "7 items wait for confirmation"],
    [["UNANSWERED"], "CARRIED_UNCONFIRMED", "1 item waits for confirmation"],
  ] as const)("%j (%s) → %s", (outcomes, code, sentence) => {
    expect(itemCountSentence(outcomes, code)).toBe(sentence);
  });

  it("collapses lists of more than five items", () => {
    expect([5, 6].map(isLongItemList)).toEqual([false, true]);
  });
});
