import { PageHeaderSkeleton, SkeletonList } from "@/components/ui/skeleton";

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
      <PageHeaderSkeleton descriptionClassName="w-80" />
      <Panel rows={8} label="Loading reviews…" />
    </div>
  );
}
