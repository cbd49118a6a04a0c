import { Card } from "@/components/ui/card";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";

/** Announced once per widget while its figures load; the shapes match the finished cards to avoid layout jumps. */
export function HeadlineSkeleton() {
  return (
    <LoadingStatus label="Loading headline figures…" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {Array.from({ length: 4 }, (_, i) => (
        <Card key={i} className="space-y-3 p-5">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-8 w-20" />
          <Skeleton className="h-4 w-full" />
        </Card>
      ))}
    </LoadingStatus>
  );
}

export function ChartSkeleton({ label, height = 280, className }: { label: string; height?: number; className?: string }) {
  return (
    <Card role="status" className={className}>
      <span className="sr-only">{label}</span>
      <div className="space-y-2 px-5 pt-5 pb-3">
        <Skeleton className="h-5 w-56" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <div className="px-5 pb-5">
        <Skeleton className="w-full" style={{ height }} />
      </div>
    </Card>
  );
}
