import Link from "next/link";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { TemplateConcernDto } from "@/lib/db/templates";
import type { ConcernScore } from "@/lib/domain/maturity";
import { concernHref } from "@/lib/routes";

export type ConcernProgressProps = {
  reviewId: string;
  concerns: readonly TemplateConcernDto[];
  scores: readonly ConcernScore[];
};

/** Answered / total per concern, with a link to each concern's page. Concerns with no item for this tier are left out. */
export function ConcernProgress({ reviewId, concerns, scores }: ConcernProgressProps) {
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
      <THead>
        <tr>
          <TH>Concern</TH>
          <TH>Answered</TH>
          <TH>Met</TH>
          <TH>Waived</TH>
          <TH>Partial</TH>
          <TH>Not met</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map(({ concern, score }) => {
          const percent = score.total === 0 ? 0 : Math.round((score.answered / score.total) * 100);
          return (
            <TR key={concern.key}>
              <TH scope="row">
                <Link
                  href={concernHref(reviewId, concern.key)}
                  className="text-brand-700 underline-offset-2 hover:text-brand-900 hover:underline"
                >
                  {concern.title}
                </Link>
              </TH>
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
