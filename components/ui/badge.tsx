import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

const badgeVariants = cva("inline-flex items-center gap-1 rounded-full font-medium whitespace-nowrap ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-slate-100 text-slate-800 ring-slate-300",
      info: "bg-brand-50 text-brand-800 ring-brand-200",
      success: "bg-go-soft text-go-ink ring-green-300",
      warning: "bg-conditional-soft text-conditional-ink ring-amber-300",
      danger: "bg-nogo-soft text-nogo-ink ring-red-300",
    },
    size: {
      sm: "px-2 py-0.5 text-xs",
      md: "px-2.5 py-1 text-sm",
    },
  },
  defaultVariants: { tone: "neutral", size: "sm" },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

export type BadgeProps = ComponentPropsWithRef<"span"> & VariantProps<typeof badgeVariants>;

/** A pill of text. Colours beyond the tones (e.g. one per maturity level) go in className: it wins over the tone. */
export function Badge({ tone, size, className, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ tone, size }), className)} {...props} />;
}
