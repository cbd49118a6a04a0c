import { Skeleton, SkeletonList } from "@/components/ui/skeleton";

export default function QuarterlyLoading() {
  return (
    <div className="space-y-6">
      <div className="mb-8 space-y-2">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <SkeletonList rows={6} label="Loading the quarterly review…" />
    </div>
  );
}
