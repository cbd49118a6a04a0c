import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A decorative placeholder block; size it with className (h-4 w-32 …). */
export function Skeleton({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} {...props} />;
}

export type SkeletonListProps = {
  rows?: number;
  /** Announced to screen readers while the placeholders show. */
  label?: string;
  className?: string;
};

/** Placeholders announced once, as a status saying what is loading; the placeholders themselves are hidden. */
export function LoadingStatus({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="status" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A loading placeholder for lists and tables, announced once as a status. */
export function SkeletonList({ rows = 5, label = "Loading…", className }: SkeletonListProps) {
  return (
    <LoadingStatus label={label} className={cn("space-y-3", className)}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4">
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-4 w-1/6" />
          <Skeleton className="h-4 flex-1" />
        </div>
      ))}
    </LoadingStatus>
  );
}

/** Where a page's title and description will be, the same size as PageHeader's. */
export function PageHeaderSkeleton({
  titleClassName = "w-40",
  descriptionClassName = "w-96",
}: {
  titleClassName?: string;
  descriptionClassName?: string;
}) {
  return (
    <div className="mb-8 space-y-2">
      <Skeleton className={cn("h-7", titleClassName)} />
      <Skeleton className={cn("h-4 max-w-full", descriptionClassName)} />
    </div>
  );
}
