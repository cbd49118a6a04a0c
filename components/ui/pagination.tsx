import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

// Plain links: every page of a list has its own URL, so paging works without JavaScript and can be shared.

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

export const pageLinkClass =
  "inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2.5 text-sm font-medium text-brand-700 " +
  "underline-offset-2 hover:bg-brand-50 hover:underline";
export const currentPageLinkClass = "bg-brand-600 text-white hover:bg-brand-600 hover:no-underline";

export type PaginationProps = {
  page: number;
  pageCount: number;
  /** What the list holds, e.g. "Page 2 of 9 · 210 users"; stays on paper when the links are hidden. */
  summary: ReactNode;
  hrefFor: (page: number) => string;
  /** Numbered page links between Previous and Next (for long lists). */
  isNumbered?: boolean;
  /** Extra controls after the page links, e.g. rows per page. */
  children?: ReactNode;
};

export function Pagination({ page, pageCount, summary, hrefFor, isNumbered = false, children }: PaginationProps) {
  const current = Math.min(Math.max(page, 1), Math.max(pageCount, 1));
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-4 text-sm">
      <p className="text-ink-muted" aria-live="polite">
        {summary}
      </p>
      {pageCount > 1 ? (
        <nav aria-label="Pagination" data-print="hide">
          <ul className="flex flex-wrap items-center gap-1">
            {current > 1 ? (
              <li>
                <Link href={hrefFor(current - 1)} className={pageLinkClass}>
                  Previous<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
            {isNumbered
              ? pageItems(current, pageCount).map((item, i) =>
                  item === "gap" ? (
                    <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-muted">
                      …
                    </li>
                  ) : (
                    <li key={item}>
                      <Link
                        href={hrefFor(item)}
                        aria-label={`Page ${item}`}
                        aria-current={item === page ? "page" : undefined}
                        className={cn(pageLinkClass, item === page && currentPageLinkClass)}
                      >
                        {item}
                      </Link>
                    </li>
                  ),
                )
              : null}
            {current < pageCount ? (
              <li>
                <Link href={hrefFor(current + 1)} className={pageLinkClass}>
                  Next<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {children}
    </div>
  );
}

/** "Page 2 of 9 · 210 users" */
export function pageSummary(page: number, pageCount: number, total: number, noun: string): string {
  const pages = Math.max(pageCount, 1);
  return `Page ${Math.min(Math.max(page, 1), pages)} of ${pages} · ${total} ${total === 1 ? noun : `${noun}s`}`;
}
