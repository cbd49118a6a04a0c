"use client";

import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow, ChartSeries } from "./chart-series";

export type StackedBarChartProps = {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  /** The chart's accessible name: a one-paragraph summary. The full numbers are in the data table next to it. */
  summary: string;
  /** "vertical" lays bars out horizontally, one per row label (long team names stay readable). */
  layout?: "horizontal" | "vertical";
  height?: number;
};

/** Width of an A4 page's text column (210 mm − 2 × 12 mm margins ≈ 700 px) less the card's padding. */
const PRINT_WIDTH = 660;

/**
 * The browser lays the page out again for paper but does not let the chart re-measure itself first, so a chart
 * sized for a wide screen would be shrunk into the page, text and all. Before printing, charts switch to a fixed
 * A4 width (flushSync: the print layout starts as soon as the handler returns) and back afterwards.
 */
function usePrintWidth(): number | null {
  const [printWidth, setPrintWidth] = useState<number | null>(null);
  useEffect(() => {
    const before = () => flushSync(() => setPrintWidth(PRINT_WIDTH));
    const after = () => setPrintWidth(null);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return printWidth;
}

/**
 * A stacked bar chart for counts. The SVG is one image to assistive technology (role="img" with a summary;
 * Recharts' keyboard layer is off because the data table already offers every value to keyboard users).
 */
export function StackedBarChart({ rows, series, summary, layout = "horizontal", height = 280 }: StackedBarChartProps) {
  const isVertical = layout === "vertical";
  const printWidth = usePrintWidth();
  const size = printWidth === null ? { responsive: true, style: { width: "100%", height } } : { width: printWidth, height };
  return (
    // Narrower paper than A4 (US Letter) still fits: the SVG scales down through its viewBox.
    <div role="img" aria-label={summary} className="w-full print:[&_svg]:h-auto print:[&_svg]:max-w-full">
      <BarChart
        {...size}
        accessibilityLayer={false}
        data={[...rows]}
        layout={layout}
        margin={{ top: 8, right: 16, bottom: 8, left: isVertical ? 8 : 0 }}
        barCategoryGap="20%"
      >
        <CartesianGrid strokeDasharray="3 3" vertical={isVertical} horizontal={!isVertical} />
        {isVertical ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={{ fill: "var(--color-ink-muted)", fontSize: 12 }} />
            <YAxis type="category" dataKey="tick" width={140} tick={{ fill: "var(--color-ink)", fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="tick" interval={0} tick={{ fill: "var(--color-ink)", fontSize: 12 }} />
            <YAxis allowDecimals={false} width={48} tick={{ fill: "var(--color-ink-muted)", fontSize: 12 }} />
          </>
        )}
        <Tooltip cursor={{ fill: "var(--color-slate-100)" }} />
        {/* Series order, not alphabetical; ink text because light series colours are too faint to read as text. */}
        <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span className="text-ink">{value}</span>} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="total" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
