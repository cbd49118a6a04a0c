import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** A link inside text or a table cell: brand colour, underlined on hover. */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn("text-brand-700 underline-offset-2 hover:underline", className)} {...props} />;
}
