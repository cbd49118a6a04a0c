"use client";

import Link from "next/link";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from "recharts";
import { LevelBadge, levelLabel } from "@/components/readiness/level-badge";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import { VerdictBadge, verdictLabel } from "@/components/readiness/verdict-badge";
import type { AchievedLevel, Level, Verdict } from "@/lib/domain/types";
import { DateText } from "@/components/ui/date-text";
import { MS_PER_DAY } from "@/lib/domain/days";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { reviewHref } from "@/lib/routes";

export type TrendPoint = {
  reviewId: string;
  /** ISO timestamp of the decision. */
  decidedAt: string;
  level: AchievedLevel | null;
  /** The recorded decision (or the computed verdict when none was recorded). */
  verdict: Verdict | null;
  triggerLabel: string;
};

export type MaturityTrendChartProps = {
  /** Oldest first. */
  points: readonly TrendPoint[];
  target: Level;
  serviceName: string;
  height?: number;
};

type ChartPoint = { time: number; level: AchievedLevel; verdict: Verdict | null };

// Colour is never the only cue: each verdict also has its own marker shape, and the table says it in words.
// `fill` classes on the legend make Tailwind emit the same theme variables the SVG marks use.
const VERDICT_MARKS: Record<Verdict | "NONE", { color: string; fillClass: string; shape: "circle" | "diamond" | "square" }> = {
  GO: { color: "var(--color-go)", fillClass: "fill-go", shape: "circle" },
  CONDITIONAL_GO: { color: "var(--color-conditional)", fillClass: "fill-conditional", shape: "diamond" },
  NO_GO: { color: "var(--color-nogo)", fillClass: "fill-nogo", shape: "square" },
  NONE: { color: "var(--color-line-strong)", fillClass: "fill-line-strong", shape: "circle" },
};

function Mark({ x, y, verdict, size = 5 }: { x: number; y: number; verdict: Verdict | null; size?: number }) {
  const mark = VERDICT_MARKS[verdict ?? "NONE"];
  const common = { fill: mark.color, stroke: "var(--color-surface)", strokeWidth: 1.5 };
  if (mark.shape === "square") return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
  if (mark.shape === "diamond") {
    const r = size * 1.3;
    return <polygon points={`${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`} {...common} />;
  }
  return <circle cx={x} cy={y} r={size} {...common} />;
}

function isChartPoint(value: unknown): value is ChartPoint {
  return typeof value === "object" && value !== null && "time" in value && "level" in value;
}

function renderDot(props: DotItemDotProps) {
  const { cx, cy, index } = props;
  const payload: unknown = props.payload;
  if (typeof cx !== "number" || typeof cy !== "number" || !isChartPoint(payload)) return <g key={index} />;
  return <Mark key={index} x={cx} y={cy} verdict={payload.verdict} />;
}

function TrendTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const point: unknown = payload?.[0]?.payload;
  if (!active || !isChartPoint(point)) return null;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-sm">
      <p className="font-medium text-ink">{formatDate(point.time)}</p>
      <p className="text-ink-muted">
        {levelLabel(point.level)} · {verdictLabel(point.verdict)}
      </p>
    </div>
  );
}

/** Pads the time axis so a single review, or the first and last, do not sit on the chart's edge. */
function timeDomain(points: readonly ChartPoint[]): [number, number] {
  const times = points.map((p) => p.time);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max((max - min) * 0.05, 15 * MS_PER_DAY);
  return [min - pad, max + pad];
}

/**
 * The level of every decided review as a step line (a level holds until the next decision), a marker per
 * review in its verdict's colour and shape, and the tier's target as a dashed line. The SVG is hidden from
 * assistive technology; the table under it carries the same data in words.
 */
export function MaturityTrendChart({ points, target, serviceName, height = 260 }: MaturityTrendChartProps) {
  const data: ChartPoint[] = points.flatMap((p) =>
    p.level === null ? [] : [{ time: Date.parse(p.decidedAt), level: p.level, verdict: p.verdict }],
  );
  return (
    <div className="space-y-4">
      {data.length > 0 ? (
        <div
          aria-hidden="true"
          className="w-full print:[&_.recharts-wrapper]:!h-auto print:[&_.recharts-wrapper]:!w-full print:[&_svg]:h-auto print:[&_svg]:max-w-full"
        >
          <ComposedChart
            responsive
            accessibilityLayer={false}
            data={data}
            style={{ width: "100%", height }}
            margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              domain={timeDomain(data)}
              tickFormatter={(value: number) => formatMonth(value)}
              tick={{ fill: "var(--color-ink-muted)", fontSize: 12 }}
              tickCount={6}
            />
            <YAxis
              domain={[0, 4]}
              ticks={[0, 1, 2, 3, 4]}
              allowDecimals={false}
              width={40}
              tickFormatter={(value: number) => `L${value}`}
              tick={{ fill: "var(--color-ink-muted)", fontSize: 12 }}
            />
            <ReferenceLine
              y={target}
              stroke="var(--color-ink-muted)"
              strokeDasharray="6 4"
              label={{ value: `Target L${target}`, position: "insideTopRight", fill: "var(--color-ink-muted)", fontSize: 12 }}
            />
            <Tooltip content={<TrendTooltip />} />
            <Line
              type="stepAfter"
              dataKey="level"
              stroke="var(--color-brand-600)"
              strokeWidth={2}
              dot={renderDot}
              activeDot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
          <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-muted">
            {(["GO", "CONDITIONAL_GO", "NO_GO"] as const).map((verdict) => (
              <li key={verdict} className="inline-flex items-center gap-1.5">
                <svg viewBox="0 0 16 16" className={`size-3.5 ${VERDICT_MARKS[verdict].fillClass}`}>
                  <Mark x={8} y={8} verdict={verdict} size={5} />
                </svg>
                {verdictLabel(verdict)}
              </li>
            ))}
            <li className="inline-flex items-center gap-1.5">
              <svg viewBox="0 0 20 8" className="h-2 w-5">
                <line x1="0" y1="4" x2="20" y2="4" stroke="var(--color-ink-muted)" strokeWidth="2" strokeDasharray="5 3" />
              </svg>
              Target for the service&apos;s tier
            </li>
          </ul>
        </div>
      ) : null}
      <details className="rounded-md border border-line">
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
          Show as table
        </summary>
        <div className="p-3">
          <Table label={`Decided reviews of ${serviceName}`} wrapperClassName="max-h-96 overflow-y-auto">
            <Caption>Decided reviews of {serviceName}, oldest first</Caption>
            <HeaderRow columns={["Date", "Level", "Verdict", "Trigger"]} />
            <TBody>
              {points.map((point) => (
                <TR key={point.reviewId}>
                  <TH scope="row">
                    <Link href={reviewHref(point.reviewId)} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
                      <DateText value={point.decidedAt} />
                    </Link>
                  </TH>
                  <TD>{point.level === null ? "—" : <LevelBadge level={point.level} />}</TD>
                  <TD>
                    <VerdictBadge verdict={point.verdict} />
                  </TD>
                  <TD>{point.triggerLabel}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      </details>
    </div>
  );
}
