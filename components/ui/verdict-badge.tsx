import type { ComponentPropsWithRef, ReactNode } from "react";
import type { Verdict } from "@/lib/domain/types";
import { NO_VERDICT_WORDS, VERDICT_WORDS } from "@/lib/domain/words";
import { cn } from "@/lib/utils/cn";
import { badgeBase, badgeSizeClasses, type BadgeSize } from "./badge";
import { InlineIcon } from "./inline-icon";

type VerdictKey = Verdict | "NONE";

const labels: Record<VerdictKey, string> = { ...VERDICT_WORDS, NONE: NO_VERDICT_WORDS };

const classes: Record<VerdictKey, string> = {
  GO: "bg-go-soft text-go-ink ring-green-300",
  CONDITIONAL_GO: "bg-conditional-soft text-conditional-ink ring-amber-300",
  NO_GO: "bg-nogo-soft text-nogo-ink ring-red-300",
  NONE: "bg-slate-100 text-slate-800 ring-slate-300",
};

const icons: Record<VerdictKey, ReactNode> = {
  GO: <path d="M3.5 8.5l3 3 6-7" />,
  CONDITIONAL_GO: <path d="M8 4v5M8 11.5v.5" />,
  NO_GO: <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />,
  NONE: <path d="M4.5 8h7" />,
};

export function verdictLabel(verdict: Verdict | null | undefined) {
  return labels[verdict ?? "NONE"];
}

export type VerdictBadgeProps = Omit<ComponentPropsWithRef<"span">, "children"> & {
  verdict: Verdict | null | undefined;
  size?: BadgeSize;
};

export function VerdictBadge({ verdict, size = "sm", className, ...props }: VerdictBadgeProps) {
  const key = verdict ?? "NONE";
  return (
    <span className={cn(badgeBase, classes[key], badgeSizeClasses(size), className)} {...props}>
      <InlineIcon>{icons[key]}</InlineIcon>
      {labels[key]}
    </span>
  );
}
