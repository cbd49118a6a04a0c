import { pageOffset, paginate, type PageRequest, type Paginated } from "@/lib/domain/pagination";

/** The rows to skip and take for one page, in the shape Prisma's `findMany` accepts. */
export type PageWindow = { skip: number; take: number };

/**
 * One page of a Prisma list and the count of all matching rows, read together. Both reads must use the same
 * `where`, so the total and the pages agree; the order must end on a unique column so pages never overlap.
 */
export async function findPage<Row, Item>(
  request: PageRequest,
  read: { rows: (window: PageWindow) => Promise<Row[]>; count: () => Promise<number> },
  toItem: (row: Row) => Item,
): Promise<Paginated<Item>> {
  const { page, pageSize } = request;
  const [rows, total] = await Promise.all([read.rows({ skip: pageOffset(page, pageSize), take: pageSize }), read.count()]);
  return paginate(rows.map(toItem), total, page, pageSize);
}

type TextMatch<Field extends string> = { [F in Field]?: { contains: string; mode: "insensitive" } };

/**
 * The `where` of a list's search box: rows whose any of `fields` contains the trimmed text, ignoring case; a blank
 * search matches every row.
 */
export function textSearch<Field extends string>(q: string | undefined, fields: readonly Field[]): { OR?: TextMatch<Field>[] } {
  const text = q?.trim();
  if (!text) return {};
  return { OR: fields.map((field) => ({ [field]: { contains: text, mode: "insensitive" } }) as TextMatch<Field>) };
}
