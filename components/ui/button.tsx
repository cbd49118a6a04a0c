import { cva, type VariantProps } from "class-variance-authority";
import Link from "next/link";
import type { ComponentProps, ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils/cn";

const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors " +
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-800",
        secondary: "border border-line-strong bg-surface text-ink shadow-sm hover:bg-slate-100 active:bg-slate-200",
        danger: "bg-nogo text-white shadow-sm hover:bg-red-800 active:bg-red-900",
        ghost: "text-brand-700 hover:bg-brand-50 hover:text-brand-900 active:bg-brand-100",
      },
      size: {
        sm: "min-h-8 px-3 py-1 text-sm",
        md: "min-h-10 px-4 py-2 text-sm",
        lg: "min-h-12 px-5 py-2.5 text-base",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

type ButtonStyleProps = VariantProps<typeof buttonVariants>;

export type ButtonProps = ComponentPropsWithRef<"button"> & ButtonStyleProps;

/** A native <button>. Like HTML, it submits inside a form unless you pass type="button". */
export function Button({ variant, size, className, ...props }: ButtonProps) {
  return <button className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> &
  ButtonStyleProps & {
    /** A file to save rather than a page to open: the browser downloads it, and it is never prefetched. */
    download?: boolean | string;
  };

/**
 * The one way to make a link look like a button: use it whenever the action navigates or downloads
 * (a <Button> is for actions that change something).
 */
export function ButtonLink({ variant, size, className, download, prefetch, ...props }: ButtonLinkProps) {
  const downloadProps = download === undefined || download === false ? {} : { download: download === true ? "" : download };
  return (
    <Link
      className={cn(buttonVariants({ variant, size }), className)}
      prefetch={downloadProps.download === undefined ? prefetch : false}
      {...downloadProps}
      {...props}
    />
  );
}
