import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

export type CardProps = ComponentPropsWithRef<"div">;

export function Card({ className, ...props }: CardProps) {
  return <div data-print="keep" className={cn("rounded-lg border border-line bg-surface text-ink shadow-sm", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div className={cn("flex flex-wrap items-start justify-between gap-3 px-5 pt-5 pb-3", className)} {...props} />;
}

export type CardTitleProps = ComponentPropsWithRef<"h2"> & {
  /** Pick the level that fits the page outline; defaults to h2. */
  as?: "h1" | "h2" | "h3" | "h4";
};

export function CardTitle({ as: Heading = "h2", className, ...props }: CardTitleProps) {
  return <Heading className={cn("text-base font-semibold text-ink", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentPropsWithRef<"p">) {
  return <p className={cn("mt-1 text-sm text-ink-muted", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div className={cn("px-5 pb-5", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div className={cn("flex flex-wrap items-center gap-3 border-t border-line px-5 py-3", className)} {...props} />;
}
