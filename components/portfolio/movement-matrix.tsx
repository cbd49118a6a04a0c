import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Caption, Table, TBody, TD, TH, THead } from "@/components/ui/table";
import type { LevelHistory } from "@/lib/db/portfolio";
import { bucketLabel, describeMovement, type MovementLevel } from "@/lib/domain/movement-matrix";
import { cn } from "@/lib/utils/cn";

/** Ordering for tinting: "not reviewed" sits below L0, so a first review counts as moving up. */
function rank(level: MovementLevel): number {
  return level === null ? -1 : level;
}

function cellTone(from: MovementLevel, to: MovementLevel, count: number): string {
  if (from === to) return "bg-slate-100 font-semibold";
  if (count === 0) return "text-ink-muted";
  return rank(to) > rank(from) ? "bg-go-soft text-go-ink font-medium" : "bg-nogo-soft text-nogo-ink font-medium";
}

/**
 * The level movement matrix as a real table (rows: level at the end of `from`; columns: level at the end of
 * `to`), so it needs no chart alternative; the sentences under it say the same for a quick read.
 */
export function MovementMatrixCard({ movement }: { movement: LevelHistory["movement"] }) {
  const { from, to, matrix } = movement;
  const sentences = describeMovement(matrix);
  return (
    <Card role="region" aria-labelledby="movement-title">
      <CardHeader>
        <div>
          <CardTitle id="movement-title">
            Level movement, {from} → {to}
          </CardTitle>
          <CardDescription>
            Each service counted once: its level at the end of {from} (row) against the end of {to} (column). The shaded diagonal did not
            move; green cells moved up, red cells moved down.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {matrix.total === 0 ? (
          <EmptyState as="h3" title="No services to compare" description="Change or clear the filters to see more of the portfolio." />
        ) : (
          <>
            <Table label={`Level movement from ${from} to ${to}`}>
              <Caption>
                Services by level at the end of {from} (rows) and at the end of {to} (columns)
              </Caption>
              <THead>
                <tr>
                  <TH>
                    <span className="sr-only">Level at the end of </span>
                    {from} ↓ <span aria-hidden="true">/</span> <span className="sr-only">against </span>
                    {to} →
                  </TH>
                  {matrix.buckets.map((level) => (
                    <TH key={bucketLabel(level)} className="text-right">
                      {bucketLabel(level)}
                    </TH>
                  ))}
                  <TH className="text-right">Total</TH>
                </tr>
              </THead>
              <TBody>
                {matrix.buckets.map((fromLevel, row) => (
                  <tr key={bucketLabel(fromLevel)}>
                    <TH scope="row">{bucketLabel(fromLevel)}</TH>
                    {matrix.buckets.map((toLevel, column) => {
                      const count = matrix.cells[row]?.[column] ?? 0;
                      return (
                        <TD key={bucketLabel(toLevel)} className={cn("text-right tabular-nums", cellTone(fromLevel, toLevel, count))}>
                          {count}
                          {fromLevel === toLevel ? <span className="sr-only"> (no change)</span> : null}
                        </TD>
                      );
                    })}
                    <TD className="text-right font-medium tabular-nums">{matrix.rowTotals[row] ?? 0}</TD>
                  </tr>
                ))}
                <tr className="border-t-2 border-line">
                  <TH scope="row">Total</TH>
                  {matrix.columnTotals.map((count, column) => (
                    <TD key={column} className="text-right font-medium tabular-nums">
                      {count}
                    </TD>
                  ))}
                  <TD className="text-right font-semibold tabular-nums">{matrix.total}</TD>
                </tr>
              </TBody>
            </Table>
            <div>
              <h3 className="text-sm font-semibold text-ink">In words</h3>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-ink">
                {sentences.map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
