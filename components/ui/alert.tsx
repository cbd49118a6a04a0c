import { cva } from "class-variance-authority";
import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const alertVariants = cva("flex gap-3 rounded-md border p-4 text-sm", {
  variants: {
    tone: {
      info: "border-brand-200 bg-brand-50 text-brand-900",
      success: "border-green-300 bg-go-soft text-go-ink",
      warning: "border-amber-300 bg-conditional-soft text-conditional-ink",
      danger: "border-red-300 bg-nogo-soft text-nogo-ink",
    } satisfies Record<AlertTone, string>,
  },
  defaultVariants: { tone: "info" },
});

const icons: Record<AlertTone, ReactNode> = {
  info: <path d="M10 9v5M10 6.5v.5" />,
  success: <path d="M6 10.5l2.5 2.5L14 7.5" />,
  warning: <path d="M10 6.5v4.5M10 13.5v.5" />,
  danger: <path d="M7 7l6 6M13 7l-6 6" />,
};

export type AlertProps = Omit<ComponentPropsWithRef<"div">, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

/**
 * Info, success and warning are polite (role="status"); danger interrupts (role="alert").
 * Pass `role` to override, e.g. role={undefined} for a static notice that should not be announced.
 */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cn(alertVariants({ tone }), className)} {...props}>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        className="mt-0.5 size-5 shrink-0"
      >
        <circle cx="10" cy="10" r="8" strokeWidth="1.5" />
        {icons[tone]}
      </svg>
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
