import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";

/** Shaped like presenter mode, so stepping to the next service does not flash the agenda's list skeleton. */
export default function PresenterLoading() {
  return (
    <LoadingStatus label="Loading the next service…" className="mx-auto max-w-5xl space-y-8">
      <Skeleton className="h-4 w-64" />
      <div className="space-y-3">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-12 w-2/3" />
        <Skeleton className="h-6 w-80" />
      </div>
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-56 w-full" />
    </LoadingStatus>
  );
}
