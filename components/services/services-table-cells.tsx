import { Badge } from "@/components/ui/badge";
import { DateText } from "@/components/ui/date-text";
import { LevelBadge } from "@/components/readiness/level-badge";
import type { LevelVsTarget, ServicesTableRow } from "@/lib/db/services-table";
import { InlineIcon } from "@/components/ui/inline-icon";

// Cells of the services table. Every state that has a colour also has words, so nothing is told by colour alone.

const TARGET_WORDS: Record<LevelVsTarget, string> = { below: "Below target", met: "On target", above: "Above target" };
const TARGET_CLASSES: Record<LevelVsTarget, string> = {
  below: "text-nogo-ink",
  met: "text-go-ink",
  above: "text-go-ink",
};

function TargetArrow({ vsTarget }: { vsTarget: LevelVsTarget }) {
  const path = vsTarget === "below" ? "M8 3v10M4 9l4 4 4-4" : vsTarget === "above" ? "M8 13V3M4 7l4-4 4 4" : "M3 6h10M3 10h10";
  return (
    <InlineIcon>
      <path d={path} />
    </InlineIcon>
  );
}

export function LevelVsTargetCell({ row }: { row: ServicesTableRow }) {
  return (
    <div className="flex min-w-48 flex-wrap items-center gap-x-2 gap-y-1">
      {row.level === null ? <span className="text-ink-muted">No level</span> : <LevelBadge level={row.level} compact />}
      <span className="text-xs whitespace-nowrap text-ink-muted">target L{row.targetLevel}</span>
      <span className={`inline-flex items-center gap-0.5 text-xs font-medium whitespace-nowrap ${TARGET_CLASSES[row.vsTarget]}`}>
        <TargetArrow vsTarget={row.vsTarget} />
        {TARGET_WORDS[row.vsTarget]}
      </span>
    </div>
  );
}

export function NextReviewCell({ row }: { row: ServicesTableRow }) {
  if (!row.isOverdue) return row.nextReviewDue ? <DateText value={row.nextReviewDue} /> : null;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Badge tone="danger">Overdue</Badge>
      {row.nextReviewDue ? (
        <span className="whitespace-nowrap">
          since <DateText value={row.nextReviewDue} />
        </span>
      ) : (
        <span className="whitespace-nowrap text-ink-muted">never reviewed</span>
      )}
    </div>
  );
}

export function CountCell({ count }: { count: number }) {
  return <span className={count > 0 ? "font-semibold tabular-nums" : "text-ink-muted tabular-nums"}>{count}</span>;
}
