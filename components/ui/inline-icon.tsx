import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A small stroked 16×16 icon that sits in a line of text (badges, sortable headers). Decorative only:
 * the text next to it says the same thing, so it is hidden from assistive technology.
 */
export function InlineIcon({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={cn("size-3.5 shrink-0", className)}
    >
      {children}
    </svg>
  );
}
