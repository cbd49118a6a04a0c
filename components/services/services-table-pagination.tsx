import Link from "next/link";
import { currentPageLinkClass, pageLinkClass, pageSummary, Pagination } from "@/components/ui/pagination";
import { PAGE_SIZES, servicesTableHref, type ServicesTableState } from "@/lib/schemas/services-table";
import { cn } from "@/lib/utils/cn";

export type ServicesTablePaginationProps = { state: ServicesTableState; pageCount: number; total: number };

export function ServicesTablePagination({ state, pageCount, total }: ServicesTablePaginationProps) {
  return (
    <Pagination
      page={state.page}
      pageCount={pageCount}
      summary={pageSummary(state.page, pageCount, total, "service")}
      hrefFor={(page) => servicesTableHref(state, { page })}
      isNumbered
    >
      <nav aria-label="Rows per page" className="flex items-center gap-1">
        <span className="mr-1 text-ink-muted">Rows per page</span>
        <ul className="flex items-center gap-1">
          {PAGE_SIZES.map((size) => (
            <li key={size}>
              <Link
                href={servicesTableHref(state, { size, page: 1 })}
                aria-label={`${size} rows per page`}
                aria-current={size === state.size ? "true" : undefined}
                className={cn(pageLinkClass, size === state.size && currentPageLinkClass)}
              >
                {size}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </Pagination>
  );
}
