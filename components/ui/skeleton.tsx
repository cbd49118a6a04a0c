import type { ComponentPropsWithRef } from "react";
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

/** A loading placeholder for lists and tables, announced once as a status. */
export function SkeletonList({ rows = 5, label = "Loading…", className }: SkeletonListProps) {
  return (
    <div role="status" className={cn("space-y-3", className)}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4">
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-4 w-1/6" />
          <Skeleton className="h-4 flex-1" />
        </div>
      ))}
    </div>
  );
}
