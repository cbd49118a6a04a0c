import Link from "next/link";
import { PAGE_SIZES, servicesTableHref, type ServicesTableState } from "@/lib/schemas/services-table";
import { cn } from "@/lib/utils/cn";

// Plain links: every page of a view has its own URL, so paging works without JavaScript and can be shared.

type PageItem = number | "gap";

/** The first, the last and two either side of the current page; gaps stand for the pages in between. */
export function pageItems(page: number, pageCount: number): PageItem[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: PageItem[] = [];
  pages.forEach((n, i) => {
    const previous = pages[i - 1];
    if (previous !== undefined && n - previous > 1) items.push(n - previous === 2 ? n - 1 : "gap");
    items.push(n);
  });
  return items;
}

const linkClass =
  "inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2.5 text-sm font-medium text-brand-700 " +
  "underline-offset-2 hover:bg-brand-50 hover:underline";
const currentClass = "bg-brand-600 text-white hover:bg-brand-600 hover:no-underline";

export type ServicesTablePaginationProps = { state: ServicesTableState; pageCount: number; total: number };

export function ServicesTablePagination({ state, pageCount, total }: ServicesTablePaginationProps) {
  const page = Math.min(state.page, pageCount);
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-4 text-sm">
      <p className="text-ink-muted" aria-live="polite">
        Page {state.page} of {pageCount} · {total} {total === 1 ? "service" : "services"}
      </p>
      {pageCount > 1 ? (
        <nav aria-label="Pagination">
          <ul className="flex flex-wrap items-center gap-1">
            {page > 1 ? (
              <li>
                <Link href={servicesTableHref(state, { page: page - 1 })} className={linkClass}>
                  Previous<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
            {pageItems(page, pageCount).map((item, i) =>
              item === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-muted">
                  …
                </li>
              ) : (
                <li key={item}>
                  <Link
                    href={servicesTableHref(state, { page: item })}
                    aria-label={`Page ${item}`}
                    aria-current={item === state.page ? "page" : undefined}
                    className={cn(linkClass, item === state.page && currentClass)}
                  >
                    {item}
                  </Link>
                </li>
              ),
            )}
            {page < pageCount ? (
              <li>
                <Link href={servicesTableHref(state, { page: page + 1 })} className={linkClass}>
                  Next<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <nav aria-label="Rows per page" className="flex items-center gap-1">
        <span className="mr-1 text-ink-muted">Rows per page</span>
        <ul className="flex items-center gap-1">
          {PAGE_SIZES.map((size) => (
            <li key={size}>
              <Link
                href={servicesTableHref(state, { size, page: 1 })}
                aria-label={`${size} rows per page`}
                aria-current={size === state.size ? "true" : undefined}
                className={cn(linkClass, size === state.size && currentClass)}
              >
                {size}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
