import { LoadingStatus, PageHeaderSkeleton, Skeleton } from "@/components/ui/skeleton";

function SectionSkeleton({ cards }: { cards: boolean }) {
  return (
    <div className="space-y-3">
      <Skeleton className="h-6 w-56" />
      <Skeleton className="h-4 w-full max-w-xl" />
      {cards ? (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-40" />
          ))}
        </div>
      ) : (
        <div className="space-y-px overflow-hidden rounded-lg border border-line">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-16 rounded-none" />
          ))}
        </div>
      )}
    </div>
  );
}

/** The home's shape while its lists load. */
export function HomeSkeleton() {
  return (
    <LoadingStatus label="Loading what waits for you…">
      <PageHeaderSkeleton titleClassName="w-24" />
      <div className="space-y-10">
        <SectionSkeleton cards={false} />
        <SectionSkeleton cards />
      </div>
    </LoadingStatus>
  );
}
