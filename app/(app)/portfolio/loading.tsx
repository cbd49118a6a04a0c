import { ChartSkeleton, HeadlineSkeleton } from "@/components/portfolio/portfolio-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function PortfolioLoading() {
  return (
    <div className="space-y-6">
      <div className="mb-8 space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <HeadlineSkeleton />
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartSkeleton label="Loading the level distribution…" />
        <ChartSkeleton label="Loading verdicts over time…" />
      </div>
    </div>
  );
}
