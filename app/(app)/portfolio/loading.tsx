import { ChartSkeleton, HeadlineSkeleton } from "@/components/portfolio/portfolio-skeletons";
import { PageHeaderSkeleton } from "@/components/ui/skeleton";

export default function PortfolioLoading() {
  return (
    <div className="space-y-6">
      <PageHeaderSkeleton />
      <HeadlineSkeleton />
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartSkeleton label="Loading the level distribution…" />
        <ChartSkeleton label="Loading verdicts over time…" />
      </div>
    </div>
  );
}
