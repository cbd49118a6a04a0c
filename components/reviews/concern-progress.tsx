import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { TemplateConcernDto } from "@/lib/db/templates";
import type { ConcernScore } from "@/lib/domain/maturity";
import { ITEM_OUTCOME_WORDS, OUTCOME_COUNT_WORDS } from "@/lib/domain/words";
import { concernHref } from "@/lib/routes";
import { TextLink } from "@/components/ui/text-link";

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
      <HeaderRow
        columns={[
          "Concern",
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
          return (
            <TR key={concern.key}>
              <TH scope="row">
                <TextLink href={concernHref(reviewId, concern.key)} className="hover:text-brand-900">
                  {concern.title}
                </TextLink>
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
