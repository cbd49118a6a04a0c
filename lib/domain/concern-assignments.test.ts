import { describe, expect, it } from "vitest";
import { openItemsWarning, type ConcernWorkStatus } from "@/lib/domain/concern-assignments";

describe("openItemsWarning", () => {
  const cases: [ConcernWorkStatus, number, string | null][] = [
    ["DONE", 3, "3 items are still unanswered"],
    ["DONE", 1, "1 item is still unanswered"],
    ["DONE", 0, null],
    ["IN_PROGRESS", 3, null],
    ["NOT_STARTED", 5, null],
  ];
  it.each(cases)("%s with %i open items: %s", (status, open, expected) => {
    expect(openItemsWarning(status, open)).toBe(expected);
  });
});
