import { PageHeaderSkeleton, SkeletonList } from "@/components/ui/skeleton";

export default function QuarterlyLoading() {
  return (
    <div className="space-y-6">
      <PageHeaderSkeleton titleClassName="w-64" />
      <SkeletonList rows={6} label="Loading the quarterly review…" />
    </div>
  );
}
