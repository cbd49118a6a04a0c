import { describe, expect, it } from "vitest";
import { pageCount, pageOffset, pageRequest, paginate } from "./pagination";

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

  it.each([
    [{}, { page: 1, pageSize: 25 }],
    [
      { page: 3, pageSize: 10 },
      { page: 3, pageSize: 10 },
    ],
    [
      { page: 0, pageSize: 0 },
      { page: 1, pageSize: 1 },
    ],
    [
      { page: -2.7, pageSize: 1000 },
      { page: 1, pageSize: 100 },
    ],
    [
      { page: 2.9, pageSize: 10.5 },
      { page: 2, pageSize: 10 },
    ],
  ])("clamps the request %j to %j", (options, expected) => {
    expect(pageRequest(options, 25)).toEqual(expected);
  });

  it("caps the page size at the caller's maximum", () => {
    expect(pageRequest({ pageSize: 80 }, 50, 50)).toEqual({ page: 1, pageSize: 50 });
  });
});
