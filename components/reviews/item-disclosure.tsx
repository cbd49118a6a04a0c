import type { ReactNode } from "react";
import { isLongItemList } from "@/lib/domain/reason-items";
import { cn } from "@/lib/utils/cn";

export type ItemDisclosureProps = {
  /** How many entries `children` holds. */
  count: number;
  /** "54 items unanswered": what the collapsed list says instead of its entries. */
  summary: string;
  /** The list itself (a <ul>), shown as is when it is short. */
  children: ReactNode;
  className?: string;
};

/**
 * A list that collapses behind its count sentence when it names more than a handful of items. A native
 * <details> keeps it keyboard operable (Enter or Space on the summary) and announces expanded/collapsed; print
 * always shows the whole list.
 */
export function ItemDisclosure({ count, summary, children, className }: ItemDisclosureProps) {
  if (!isLongItemList(count)) return <div className={className}>{children}</div>;
  // A closed <details> prints nothing, so paper gets its own copy of the list.
  return (
    <>
      <details className={cn("group print:hidden", className)}>
        <summary className="cursor-pointer text-sm text-ink-muted marker:text-ink-muted hover:text-ink">
          {summary} <span aria-hidden="true">—</span>{" "}
          <span className="text-brand-700 underline underline-offset-2 group-open:hidden">show</span>
          <span className="hidden text-brand-700 underline underline-offset-2 group-open:inline">hide</span>
        </summary>
        <div className="mt-1">{children}</div>
      </details>
      <div className={cn("hidden print:block", className)}>{children}</div>
    </>
  );
}
