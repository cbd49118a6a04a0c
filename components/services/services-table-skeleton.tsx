import { LoadingStatus, PageHeaderSkeleton, Skeleton } from "@/components/ui/skeleton";

const COLUMNS = 9;

/** The services page's shape while its data loads: header, filter bar, table, pagination. */
export function ServicesTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <LoadingStatus label="Loading services…">
      <PageHeaderSkeleton />
      <div className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-surface p-4">
        <Skeleton className="h-10 min-w-56 flex-1" />
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-44" />
        ))}
      </div>
      <div className="mb-3 flex justify-between">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-8 w-32" />
      </div>
      <div className="overflow-hidden rounded-lg border border-line bg-surface">
        <div className="flex gap-4 border-b border-line bg-slate-50 px-4 py-3">
          {Array.from({ length: COLUMNS }, (_, i) => (
            <Skeleton key={i} className="h-3 flex-1" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-line px-4 py-4 last:border-b-0">
            {Array.from({ length: COLUMNS }, (_, i) => (
              <Skeleton key={i} className={i === 0 ? "h-4 flex-[2]" : "h-4 flex-1"} />
            ))}
          </div>
        ))}
      </div>
    </LoadingStatus>
  );
}
