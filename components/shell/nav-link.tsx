"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A count beside a link's text; `label` is what a screen reader hears instead of the bare number. */
export type NavBadge = { count: string; label: string };

export type NavLinkProps = {
  href: string;
  children: ReactNode;
  className?: string;
  /** Only match the exact path, not its sub-pages. */
  exact?: boolean;
  badge?: NavBadge | null;
};

export function NavLink({ href, children, className, exact = false, badge }: NavLinkProps) {
  const pathname = usePathname() ?? "";
  const isCurrentPage = pathname === href;
  const isActive = isCurrentPage || (!exact && pathname.startsWith(`${href}/`));

  return (
    <Link
      href={href}
      // "page" for the page itself; "true" marks the section when on one of its sub-pages.
      aria-current={isCurrentPage ? "page" : isActive ? "true" : undefined}
      className={cn(
        "inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium transition-colors",
        isActive
          ? "bg-brand-50 font-semibold text-brand-800 shadow-[inset_0_-2px_0_var(--color-brand-600)]"
          : "text-slate-700 hover:bg-slate-100 hover:text-ink",
        className,
      )}
    >
      {children}
      {badge ? (
        <>
          <span aria-hidden="true" className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs leading-none font-semibold text-white">
            {badge.count}
          </span>
          <span className="sr-only"> ({badge.label})</span>
        </>
      ) : null}
    </Link>
  );
}
