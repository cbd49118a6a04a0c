import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type TableProps = ComponentPropsWithRef<"table"> & {
  /**
   * Accessible name for the scroll container. Give one for wide tables: the
   * container then becomes a focusable region so keyboard users can scroll it.
   */
  label?: string;
  wrapperClassName?: string;
};

export function Table({ label, wrapperClassName, className, ...props }: TableProps) {
  return (
    <div
      // relative: screen-reader-only text (absolutely positioned) in a wide cell must scroll with the table, not widen the page.
      className={cn("relative overflow-x-auto rounded-lg border border-line bg-surface", wrapperClassName)}
      {...(label ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export type CaptionProps = ComponentPropsWithRef<"caption"> & { srOnly?: boolean };

export function Caption({ srOnly = false, className, ...props }: CaptionProps) {
  return <caption className={cn(srOnly ? "sr-only" : "px-4 py-3 text-left text-sm font-medium text-ink", className)} {...props} />;
}

export function THead({ className, ...props }: ComponentPropsWithRef<"thead">) {
  return <thead className={cn("border-b border-line bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentPropsWithRef<"tbody">) {
  return <tbody className={cn("divide-y divide-line", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentPropsWithRef<"tr">) {
  return <tr className={cn("hover:bg-slate-50", className)} {...props} />;
}

/** Header cell; scope defaults to "col" — pass scope="row" for row headers. */
export function TH({ scope = "col", className, ...props }: ComponentPropsWithRef<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        scope === "col" ? "px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-700 uppercase" : "px-4 py-3 font-medium text-ink",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentPropsWithRef<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-ink", className)} {...props} />;
}

/** A column heading: plain text, or a label with its own classes (alignment, width). */
export type ColumnHead = string | { label: ReactNode; key?: string; className?: string };

/** The header of a table whose columns are headed by plain labels, in order. */
export function HeaderRow({ columns }: { columns: readonly ColumnHead[] }) {
  return (
    <THead>
      <tr>
        {columns.map((column, i) =>
          typeof column === "string" ? (
            <TH key={column}>{column}</TH>
          ) : (
            <TH key={column.key ?? i} className={column.className}>
              {column.label}
            </TH>
          ),
        )}
      </tr>
    </THead>
  );
}
