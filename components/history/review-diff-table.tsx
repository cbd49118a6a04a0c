import Link from "next/link";
import type { ReactNode } from "react";
import { OUTCOME_BADGES, STATUS_BADGES } from "@/components/reviews/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { DiffSide, ServiceReviewDiff } from "@/lib/db/service-history";
import type { DiffDirection, DiffOutcome, ItemChange } from "@/lib/domain/review-diff";
import { concernHref } from "@/lib/routes";
import { formatDate } from "@/lib/format/dates";

export type ReviewDiffTableProps = { result: ServiceReviewDiff };

/** "the review decided Mar 3, 2025 (L2)" or "the draft review as of today (L1)". */
function sideLabel(side: DiffSide): string {
  const level = `L${side.level}`;
  if (side.status === "DECIDED" && side.decidedAt) return `the review decided ${formatDate(side.decidedAt)} (${level})`;
  return `the ${STATUS_BADGES[side.status].label.toLowerCase()} review as of today (${level})`;
}

const OUTCOMES: Record<DiffOutcome, { label: string; tone: BadgeTone }> = {
  ...OUTCOME_BADGES,
  // The item was not part of that review's checklist (another template version or tier).
  ABSENT: { label: "Not asked", tone: "neutral" },
};

// Direction is spelled out and has its own arrow, so it never depends on colour alone.
const DIRECTIONS: Record<DiffDirection, { label: string; tone: BadgeTone; arrow: string }> = {
  regression: { label: "Regression", tone: "danger", arrow: "↓" },
  improvement: { label: "Improvement", tone: "success", arrow: "↑" },
  change: { label: "Change", tone: "neutral", arrow: "↔" },
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function summaryText({ diff, levelChange }: ServiceReviewDiff): string {
  const { summary } = diff;
  const parts = [
    `${plural(summary.regressions, "regression")}${summary.blockerRegressions > 0 ? ` (${summary.blockerRegressions} on a blocker)` : ""}`,
    plural(summary.improvements, "improvement"),
    plural(summary.changes, "other change"),
  ];
  return `${plural(summary.total, "answer")} changed: ${parts.join(", ")}. Level ${levelChange.label}.`;
}

function OutcomeBadge({ outcome }: { outcome: DiffOutcome }) {
  return <Badge tone={OUTCOMES[outcome].tone}>{OUTCOMES[outcome].label}</Badge>;
}

function ItemRow({ item, linkTo, concernTitle }: { item: ItemChange; linkTo: string; concernTitle: string }) {
  const direction = DIRECTIONS[item.direction];
  return (
    <TR>
      <TH scope="row">
        <Link
          href={concernHref(linkTo, item.concernKey, item.itemKey)}
          className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
        >
          {item.itemTitle}
        </Link>
      </TH>
      <TD>{concernTitle}</TD>
      <TD>L{item.level}</TD>
      <TD>{item.isBlocker ? <Badge tone="danger">Blocker</Badge> : <span className="text-ink-muted">No</span>}</TD>
      <TD>
        <span className="inline-flex flex-wrap items-center gap-1.5">
          <OutcomeBadge outcome={item.before} />
          <span aria-hidden="true">→</span>
          <span className="sr-only">to</span>
          <OutcomeBadge outcome={item.after} />
        </span>
      </TD>
      <TD>
        <Badge tone={direction.tone}>
          <span aria-hidden="true">{direction.arrow}</span>
          {direction.label}
        </Badge>
      </TD>
    </TR>
  );
}

/** Items whose outcome changed between two reviews of one service, regressions first. */
export function ReviewDiffTable({ result }: ReviewDiffTableProps): ReactNode {
  const { diff, before, after, concernTitles } = result;
  const intro = (
    <p className="text-sm text-ink">
      Comparing {sideLabel(before)} with {sideLabel(after)}.{" "}
      {diff.items.length > 0 ? <span className="font-medium">{summaryText(result)}</span> : `Level ${result.levelChange.label}.`}
    </p>
  );
  if (diff.items.length === 0) {
    return (
      <div className="space-y-3">
        {intro}
        <EmptyState as="h3" title="No answers changed between these reviews." description="Every item has the same outcome in both." />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {intro}
      <Table label="Changed answers">
        <Caption srOnly>Answers that changed between the two reviews, regressions first</Caption>
        <HeaderRow columns={["Item", "Concern", "Level", "Blocker", "Before → after", "Direction"]} />
        <TBody>
          {diff.items.map((item) => (
            <ItemRow
              key={item.itemKey}
              item={item}
              // An item dropped from the later checklist only has a page in the earlier review.
              linkTo={item.after === "ABSENT" ? before.id : after.id}
              concernTitle={concernTitles[item.concernKey] ?? item.concernKey}
            />
          ))}
        </TBody>
      </Table>
    </div>
  );
}
