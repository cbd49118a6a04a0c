import { Skeleton, SkeletonList } from "@/components/ui/skeleton";

function Panel({ rows, label }: { rows: number; label?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-5">
      <SkeletonList rows={rows} label={label} />
    </div>
  );
}

export function ReviewListSkeleton() {
  return (
    <div>
      <div className="mb-8 space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <Panel rows={8} label="Loading reviews…" />
    </div>
  );
}
