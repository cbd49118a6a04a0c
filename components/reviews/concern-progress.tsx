import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import { listConcernAssignments, type ConcernAssignmentDto } from "@/lib/db/concern-assignments";
import type { TemplateConcernDto } from "@/lib/db/templates";
import { openItemsWarning } from "@/lib/domain/concern-assignments";
import type { ConcernScore } from "@/lib/domain/maturity";
import { CONCERN_WORK_STATUS_WORDS, ITEM_OUTCOME_WORDS, OUTCOME_COUNT_WORDS, UNASSIGNED_WORDS } from "@/lib/domain/words";
import { concernHref, reviewHref } from "@/lib/routes";
import { requireViewer } from "@/lib/session/viewer";
import { TextLink } from "@/components/ui/text-link";
import { cn } from "@/lib/utils/cn";

export type ConcernProgressProps = {
  reviewId: string;
  concerns: readonly TemplateConcernDto[];
  scores: readonly ConcernScore[];
  /** The review's assignments (ReviewView.assignments); read here when not given. */
  assignments?: readonly ConcernAssignmentDto[];
};

const STATUS_CLASSES: Record<ConcernAssignmentDto["status"], string> = {
  NOT_STARTED: "text-ink-muted",
  IN_PROGRESS: "text-brand-900",
  DONE: "text-go-ink",
};

/**
 * Per concern: who works on it and its status, answered / total and the outcomes, with a link to each concern's
 * page. Concerns with no item for this tier are left out.
 */
export async function ConcernProgress({ reviewId, concerns, scores, assignments: given }: ConcernProgressProps) {
  const assignments = given ?? (await listConcernAssignments(await requireViewer(reviewHref(reviewId)), reviewId));
  const assignmentByKey = new Map(assignments.map((assignment) => [assignment.concernKey, assignment]));
  const byKey = new Map(scores.map((score) => [score.concernKey, score]));
  const rows = concerns.flatMap((concern) => {
    const score = byKey.get(concern.key);
    return score ? [{ concern, score }] : [];
  });
  const answered = rows.reduce((sum, row) => sum + row.score.answered, 0);
  const total = rows.reduce((sum, row) => sum + row.score.total, 0);

  return (
    <Table label="Progress per concern">
      <Caption>
        Progress per concern: {answered} of {total} items answered
      </Caption>
      <HeaderRow
        columns={[
          "Concern",
          "Assignee",
          "Status",
          "Answered",
          ITEM_OUTCOME_WORDS.MET,
          OUTCOME_COUNT_WORDS.na,
          ITEM_OUTCOME_WORDS.WAIVED,
          ITEM_OUTCOME_WORDS.PARTIAL,
          ITEM_OUTCOME_WORDS.NOT_MET,
        ]}
      />
      <TBody>
        {rows.map(({ concern, score }) => {
          const percent = score.total === 0 ? 0 : Math.round((score.answered / score.total) * 100);
          const assignment = assignmentByKey.get(concern.key);
          const status = assignment?.status ?? "NOT_STARTED";
          const warning = openItemsWarning(status, score.total - score.answered);
          return (
            <TR key={concern.key}>
              <TH scope="row">
                <TextLink href={concernHref(reviewId, concern.key)} className="hover:text-brand-900">
                  {concern.title}
                </TextLink>
              </TH>
              <TD className={assignment?.assignee ? undefined : "text-ink-muted"}>{assignment?.assignee?.name ?? UNASSIGNED_WORDS}</TD>
              <TD>
                <span className={cn("font-medium whitespace-nowrap", STATUS_CLASSES[status])}>{CONCERN_WORK_STATUS_WORDS[status]}</span>
                {warning ? <span className="block text-xs text-conditional-ink">{warning}</span> : null}
              </TD>
              <TD>
                <div className="flex items-center gap-3">
                  <span className="whitespace-nowrap tabular-nums">
                    {score.answered} / {score.total}
                  </span>
                  <progress
                    value={score.answered}
                    max={Math.max(score.total, 1)}
                    aria-label={`${concern.title}: ${percent}% answered`}
                    className="h-2 w-24 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
                  />
                </div>
              </TD>
              <TD className="tabular-nums">{score.met}</TD>
              <TD className="tabular-nums">{score.na}</TD>
              <TD className="tabular-nums">{score.waived}</TD>
              <TD className="tabular-nums">{score.partial}</TD>
              <TD className="tabular-nums">{score.notMet}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
