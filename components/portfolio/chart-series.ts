import type { LevelCounts } from "@/lib/db/portfolio";
import type { AchievedLevel, Verdict } from "@/lib/domain/types";

// One typed config per chart family: the chart, its legend swatches and its data table read the same keys,
// labels and colours. Colours are the theme's CSS variables; `swatch` spells the matching utility class out
// in full so Tailwind emits the variable (it only keeps theme variables that some class uses).

export type ChartSeries = { key: string; label: string; color: string; swatch: string };
/** `label` names the row in the data table; `tick` is the shorter axis label. */
export type ChartRow = { label: string; tick: string } & Record<string, string | number>;

export const LEVEL_SERIES: readonly ChartSeries[] = [
  { key: "none", label: "Not reviewed", color: "var(--color-slate-400)", swatch: "bg-slate-400" },
  { key: "L0", label: "L0 Not ready", color: "var(--color-level-0)", swatch: "bg-level-0" },
  { key: "L1", label: "L1 MVP", color: "var(--color-level-1)", swatch: "bg-level-1" },
  { key: "L2", label: "L2 Stable", color: "var(--color-level-2)", swatch: "bg-level-2" },
  { key: "L3", label: "L3 Resilient", color: "var(--color-level-3)", swatch: "bg-level-3" },
  { key: "L4", label: "L4 Optimized", color: "var(--color-level-4)", swatch: "bg-level-4" },
];

export const VERDICT_SERIES: readonly ChartSeries[] = [
  { key: "GO", label: "Go", color: "var(--color-go)", swatch: "bg-go" },
  { key: "CONDITIONAL_GO", label: "Conditional go", color: "var(--color-conditional)", swatch: "bg-conditional" },
  { key: "NO_GO", label: "No-go", color: "var(--color-nogo)", swatch: "bg-nogo" },
];

const LEVELS: readonly AchievedLevel[] = [0, 1, 2, 3, 4];

export function levelRow(label: string, counts: LevelCounts, tick = label): ChartRow {
  const row: ChartRow = { label, tick, none: counts.notReviewed };
  for (const level of LEVELS) row[`L${level}`] = counts.levels[level];
  return row;
}

export function verdictRow(label: string, counts: Record<Verdict, number>, tick = label): ChartRow {
  return { label, tick, GO: counts.GO, CONDITIONAL_GO: counts.CONDITIONAL_GO, NO_GO: counts.NO_GO };
}

export function rowTotal(row: ChartRow, series: readonly ChartSeries[]): number {
  return series.reduce((sum, s) => sum + Number(row[s.key] ?? 0), 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "Most common: L2 Stable (41 of 90 services)." — the one-line gist a screen reader hears for a chart. */
export function largestSeries(row: ChartRow, series: readonly ChartSeries[], noun = "service"): string {
  const total = rowTotal(row, series);
  if (total === 0) return `no ${noun}s`;
  const top = series.reduce((best, s) => (Number(row[s.key] ?? 0) > Number(row[best.key] ?? 0) ? s : best));
  return `most ${top.label} (${Number(row[top.key] ?? 0)} of ${plural(total, noun)})`;
}
