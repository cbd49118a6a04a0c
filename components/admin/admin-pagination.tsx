import Link from "next/link";

// Plain links: every page of a list has its own URL, so paging works without JavaScript and can be shared.

export type AdminPaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  /** "user" / "team"; an "s" is added for more than one. */
  noun: string;
  hrefFor: (page: number) => string;
};

const linkClass =
  "inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";

export function AdminPagination({ page, pageCount, total, noun, hrefFor }: AdminPaginationProps) {
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-4 text-sm">
      <p className="text-ink-muted">
        Page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)} · {total} {total === 1 ? noun : `${noun}s`}
      </p>
      {pageCount > 1 ? (
        <nav aria-label="Pagination">
          <ul className="flex items-center gap-1">
            {page > 1 ? (
              <li>
                <Link href={hrefFor(Math.min(page - 1, pageCount))} className={linkClass}>
                  Previous<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
            {page < pageCount ? (
              <li>
                <Link href={hrefFor(page + 1)} className={linkClass}>
                  Next<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
