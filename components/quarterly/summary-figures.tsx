import { cn } from "@/lib/utils/cn";

export type SummaryFiguresProps = {
  /** [label, value] pairs, in reading order. */
  figures: readonly (readonly [label: string, value: string])[];
  /** Column counts for wider screens and for print; phones get two. */
  className?: string;
};

/** The row of counts above the agenda and the minutes: one bordered tile per figure. */
export function SummaryFigures({ figures, className }: SummaryFiguresProps) {
  return (
    <dl className={cn("mb-6 grid grid-cols-2 gap-3", className)}>
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-line bg-surface px-4 py-3">
          <dt className="text-xs font-medium text-ink-muted uppercase">{label}</dt>
          <dd className="text-lg font-semibold text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
