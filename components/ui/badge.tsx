import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";
export type BadgeSize = "sm" | "md";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  info: "bg-brand-50 text-brand-800 ring-brand-200",
  success: "bg-go-soft text-go-ink ring-green-300",
  warning: "bg-conditional-soft text-conditional-ink ring-amber-300",
  danger: "bg-nogo-soft text-nogo-ink ring-red-300",
};

const sizes: Record<BadgeSize, string> = {
  sm: "px-2 py-0.5 text-xs",
  md: "px-2.5 py-1 text-sm",
};

export const badgeBase = "inline-flex items-center gap-1 rounded-full font-medium whitespace-nowrap ring-1 ring-inset";

export type BadgeProps = ComponentPropsWithRef<"span"> & {
  tone?: BadgeTone;
  size?: BadgeSize;
};

export function Badge({ tone = "neutral", size = "sm", className, ...props }: BadgeProps) {
  return <span className={cn(badgeBase, tones[tone], sizes[size], className)} {...props} />;
}

export function badgeSizeClasses(size: BadgeSize = "sm") {
  return sizes[size];
}
