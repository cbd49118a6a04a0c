import Link from "next/link";
import type { TemplateConcernDto } from "@/lib/db/templates";
import { cn } from "@/lib/utils/cn";
import { reviewHistoryHref, reviewHref, reviewReportHref, reviewAnswerHref } from "@/lib/routes";
import { ConcernSelect } from "./concern-select";

export type ReviewNavProps = {
  reviewId: string;
  concerns: readonly TemplateConcernDto[];
  active: "overview" | "history" | "all" | { concernKey: string };
};

const linkBase = "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap";

function NavItem({ href, isActive, children }: { href: string; isActive: boolean; children: string }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={isActive ? "page" : undefined}
        className={cn(linkBase, isActive ? "bg-brand-50 font-semibold text-brand-900" : "text-ink-muted hover:bg-slate-100 hover:text-ink")}
      >
        {children}
      </Link>
    </li>
  );
}

/**
 * Links between a review's pages: overview, history, report, and every concern in one select (a dozen concerns
 * never fit as tabs; the concern pages also list them with their progress).
 */
export function ReviewNav({ reviewId, concerns, active }: ReviewNavProps) {
  const activeConcern = typeof active === "object" ? active.concernKey : null;
  return (
    <nav aria-label="Review pages" className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line pb-2" data-print="hide">
      <ul className="flex gap-1">
        <NavItem href={reviewHref(reviewId)} isActive={active === "overview"}>
          Overview
        </NavItem>
        <NavItem href={reviewAnswerHref(reviewId)} isActive={active === "all"}>
          All concerns
        </NavItem>
        <NavItem href={reviewHistoryHref(reviewId)} isActive={active === "history"}>
          History
        </NavItem>
        <NavItem href={reviewReportHref(reviewId)} isActive={false}>
          Report
        </NavItem>
      </ul>
      <ConcernSelect reviewId={reviewId} concerns={concerns} activeConcernKey={activeConcern} />
    </nav>
  );
}
