import { describe, expect, it } from "vitest";
import { pageCount, pageOffset, paginate } from "./pagination";

describe("pagination", () => {
  it.each([
    [0, 25, 1],
    [1, 25, 1],
    [25, 25, 1],
    [26, 25, 2],
    [23, 10, 3],
  ])("%i rows at %i a page make %i pages", (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages);
  });

  it("skips the rows of the pages before", () => {
    expect(pageOffset(1, 25)).toBe(0);
    expect(pageOffset(3, 10)).toBe(20);
  });

  it("keeps a page beyond the last as asked, with the real page count", () => {
    expect(paginate([], 23, 4, 10)).toEqual({ items: [], total: 23, page: 4, pageSize: 10, pageCount: 3 });
  });
});
