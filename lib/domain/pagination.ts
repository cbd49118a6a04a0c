// One page of a list that the database filtered, sorted and cut: the page's items and where it sits in the whole.

export type Paginated<T> = {
  items: T[];
  /** Matching rows over all pages. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Never below 1: an empty list still has one (empty) page to show and link to. */
  pageCount: number;
};

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Rows to skip before `page` (1-based). */
export function pageOffset(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

export function paginate<T>(items: T[], total: number, page: number, pageSize: number): Paginated<T> {
  return { items, total, page, pageSize, pageCount: pageCount(total, pageSize) };
}

export type PageRequest = { page: number; pageSize: number };

/**
 * The page a caller asked for, made safe to put in a query: whole numbers, page at least 1, size between 1 and
 * `maxPageSize`, so a hostile or sloppy `?pageSize=` can never ask the database for everything.
 */
export function pageRequest(options: { page?: number; pageSize?: number }, defaultPageSize: number, maxPageSize = 100): PageRequest {
  return {
    page: Math.max(Math.trunc(options.page ?? 1), 1),
    pageSize: Math.min(Math.max(Math.trunc(options.pageSize ?? defaultPageSize), 1), maxPageSize),
  };
}
