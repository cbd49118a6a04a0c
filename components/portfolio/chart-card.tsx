import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { rowTotal, type ChartRow, type ChartSeries } from "./chart-series";
import { StackedBarChart } from "./stacked-bar-chart";

export type ChartCardProps = {
  id: string;
  title: string;
  description: ReactNode;
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  /** Spoken for the chart image; should carry the headline finding, not just the chart type. */
  summary: string;
  /** Header of the first column of the data table ("Quarter", "Team"). */
  rowHeader: string;
  caption: string;
  layout?: "horizontal" | "vertical";
  height?: number;
  emptyMessage: string;
  className?: string;
};

/** A chart with its text alternative: a summary as the image's name and the full data as a table. */
export function ChartCard(props: ChartCardProps) {
  const { id, title, description, rows, series, summary, layout, height, emptyMessage, className } = props;
  const isEmpty = rows.every((row) => rowTotal(row, series) === 0);
  return (
    <Card className={className} aria-labelledby={`${id}-title`} role="region">
      <CardHeader>
        <div>
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {isEmpty ? (
          <EmptyState as="h3" title={emptyMessage} description="Change or clear the filters to see more of the portfolio." />
        ) : (
          <>
            <StackedBarChart rows={rows} series={series} summary={summary} layout={layout} height={height} />
            <details className="group rounded-md border border-line" data-print="hide">
              <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
                Show the data as a table<span className="sr-only">: {title}</span>
              </summary>
              <div className="p-3">
                <ChartDataTable {...props} />
              </div>
            </details>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function ChartDataTable({ rows, series, rowHeader, caption }: ChartCardProps) {
  return (
    <Table label={caption} wrapperClassName="max-h-96 overflow-y-auto">
      <Caption>{caption}</Caption>
      <THead>
        <tr>
          <TH>{rowHeader}</TH>
          {series.map((s) => (
            <TH key={s.key} className="text-right">
              <span className="inline-flex items-center gap-1.5">
                <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${s.swatch}`} />
                {s.label}
              </span>
            </TH>
          ))}
          <TH className="text-right">Total</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((row, index) => (
          <TR key={`${row.label}-${index}`}>
            <TH scope="row">{row.label}</TH>
            {series.map((s) => (
              <TD key={s.key} className="text-right tabular-nums">
                {Number(row[s.key] ?? 0)}
              </TD>
            ))}
            <TD className="text-right font-medium tabular-nums">{rowTotal(row, series)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
