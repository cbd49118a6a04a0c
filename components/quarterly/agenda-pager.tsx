import Link from "next/link";
import type { DueServicesPage } from "@/lib/db/quarterly-agenda";

export type AgendaPagerProps = {
  agenda: Pick<DueServicesPage, "page" | "pageCount" | "pageSize" | "total">;
  /** The view's URL for a given page. */
  hrefFor: (page: number) => string;
};

const linkClass = "inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";

/** Which slice of the agenda is shown; on paper the range stays and the links go. */
export function AgendaPager({ agenda, hrefFor }: AgendaPagerProps) {
  const { page, pageCount, pageSize, total } = agenda;
  if (total <= pageSize) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="my-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-ink-muted">
        Services {first}–{last} of {total} (page {page} of {pageCount})
      </p>
      <nav aria-label="Pagination" data-print="hide" className="flex gap-1">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={linkClass}>
            Previous<span className="sr-only"> page</span>
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={linkClass}>
            Next<span className="sr-only"> page</span>
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
