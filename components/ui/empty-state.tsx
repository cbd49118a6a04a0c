import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Usually a ButtonLink or Button. */
  action?: ReactNode;
  icon?: ReactNode;
  /** Heading level that fits the page outline; defaults to h2. */
  as?: "h2" | "h3";
  className?: string;
};

export function EmptyState({ title, description, action, icon, as: Heading = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-lg border border-dashed border-line-strong bg-surface px-6 py-12 text-center",
        className,
      )}
    >
      <div aria-hidden="true" className="mb-3 text-slate-500">
        {icon ?? (
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-10">
            <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Z" strokeLinejoin="round" />
            <path d="M3 7.5 12 12l9-4.5M12 12v9" strokeLinejoin="round" />
          </svg>
        )}
      </div>
      <Heading className="text-base font-semibold text-ink">{title}</Heading>
      {description ? <p className="mt-1 max-w-prose text-sm text-ink-muted">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-3">{action}</div> : null}
    </div>
  );
}
