import { Skeleton, SkeletonList } from "@/components/ui/skeleton";

// Also shown while a service's own pages load (it wraps the nested routes), so it stays generic.
export default function ServicesLoading() {
  return (
    <div>
      <div className="mb-8 space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <div className="rounded-lg border border-line bg-surface p-4">
        <SkeletonList rows={8} label="Loading…" />
      </div>
    </div>
  );
}
