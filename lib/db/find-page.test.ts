import { describe, expect, it } from "vitest";
import { findPage, textSearch, type PageWindow } from "@/lib/db/find-page";

describe("findPage", () => {
  const rows = Array.from({ length: 7 }, (_, i) => i + 1);
  const read = (windows: PageWindow[]) => ({
    rows: async (window: PageWindow) => {
      windows.push(window);
      return rows.slice(window.skip, window.skip + window.take);
    },
    count: async () => rows.length,
  });

  it.each([
    { page: 1, pageSize: 3, window: { skip: 0, take: 3 }, items: ["#1", "#2", "#3"], pageCount: 3 },
    { page: 3, pageSize: 3, window: { skip: 6, take: 3 }, items: ["#7"], pageCount: 3 },
    { page: 4, pageSize: 3, window: { skip: 9, take: 3 }, items: [], pageCount: 3 },
    { page: 1, pageSize: 10, window: { skip: 0, take: 10 }, items: ["#1", "#2", "#3", "#4", "#5", "#6", "#7"], pageCount: 1 },
  ])("page $page of size $pageSize reads $window", async ({ page, pageSize, window, items, pageCount }) => {
    const windows: PageWindow[] = [];
    const result = await findPage({ page, pageSize }, read(windows), (n) => `#${n}`);
    expect(windows).toEqual([window]);
    expect(result).toEqual({ items, total: 7, page, pageSize, pageCount });
  });
});

describe("textSearch", () => {
  it.each([
    { q: undefined, where: {} },
    { q: "", where: {} },
    { q: "   ", where: {} },
    {
      q: "  Pay ",
      where: {
        OR: [{ name: { contains: "Pay", mode: "insensitive" } }, { slug: { contains: "Pay", mode: "insensitive" } }],
      },
    },
  ])("$q", ({ q, where }) => {
    expect(textSearch(q, ["name", "slug"])).toEqual(where);
  });
});
