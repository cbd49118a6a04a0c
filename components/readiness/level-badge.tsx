import { Badge, type BadgeProps } from "@/components/ui/badge";
import { LEVEL_NAMES, type AchievedLevel } from "@/lib/domain/types";
import { cn } from "@/lib/utils/cn";

// One colour family per maturity level (see the level tokens in globals.css); they replace the badge's tone.
const levelClasses: Record<AchievedLevel, string> = {
  0: "bg-level-0-soft text-level-0-ink ring-slate-300",
  1: "bg-level-1-soft text-level-1-ink ring-sky-300",
  2: "bg-level-2-soft text-level-2-ink ring-blue-300",
  3: "bg-level-3-soft text-level-3-ink ring-violet-300",
  4: "bg-level-4-soft text-level-4-ink ring-teal-300",
};

/** "L2 Stable", "L0 Not ready", … */
export function levelLabel(level: AchievedLevel) {
  return `L${level} ${LEVEL_NAMES[level]}`;
}

export type LevelBadgeProps = Omit<BadgeProps, "children" | "tone"> & {
  level: AchievedLevel;
  /** Show only "L2" visibly; the name stays available to screen readers. */
  compact?: boolean;
};

export function LevelBadge({ level, compact = false, className, ...props }: LevelBadgeProps) {
  return (
    <Badge className={cn(levelClasses[level], className)} {...props}>
      <LevelPips level={level} />
      {compact ? (
        <>
          L{level}
          <span className="sr-only"> {LEVEL_NAMES[level]}</span>
        </>
      ) : (
        levelLabel(level)
      )}
    </Badge>
  );
}

/** Four small bars, filled up to the level: a shape cue in addition to colour. */
function LevelPips({ level }: { level: AchievedLevel }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 12" className="h-2.5 w-3.5 shrink-0">
      {[1, 2, 3, 4].map((n) => (
        <rect
          key={n}
          x={(n - 1) * 4}
          y={12 - n * 3}
          width="3"
          height={n * 3}
          rx="0.5"
          fill="currentColor"
          opacity={n <= level ? 1 : 0.25}
        />
      ))}
    </svg>
  );
}
