import { Pagination } from "@/components/ui/pagination";
import type { DueServicesPage } from "@/lib/db/quarterly-agenda";

export type AgendaPagerProps = {
  agenda: Pick<DueServicesPage, "page" | "pageCount" | "pageSize" | "total">;
  /** The view's URL for a given page. */
  hrefFor: (page: number) => string;
};

/** Which slice of the agenda is shown; on paper the range stays and the links go. */
export function AgendaPager({ agenda, hrefFor }: AgendaPagerProps) {
  const { page, pageCount, pageSize, total } = agenda;
  if (total <= pageSize) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Pagination
      page={page}
      pageCount={pageCount}
      summary={`Services ${first}–${last} of ${total} (page ${page} of ${pageCount})`}
      hrefFor={hrefFor}
    />
  );
}
