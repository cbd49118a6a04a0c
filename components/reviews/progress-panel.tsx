"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { LevelBadge } from "@/components/readiness/level-badge";
import { VerdictBadge, verdictLabel } from "@/components/readiness/verdict-badge";
import type { TemplateConcernDto } from "@/lib/db/templates";
import { concernHref, reviewAnswerHref } from "@/lib/routes";
import { cn } from "@/lib/utils/cn";
import { useWorkspace } from "./review-workspace";

export type ProgressPanelProps = {
  reviewId: string;
  concerns: readonly TemplateConcernDto[];
  activeConcernKey: string;
  /** On the all-concerns page the concern links jump to the concern's heading on that page. */
  onePage?: boolean;
  /** The review-wide "confirm all carried answers", when the review has some that wait. */
  confirmAll?: ReactNode;
};

/**
 * Level, verdict and per-concern progress as the engine computes them from the answers saved so far, updated as
 * each save lands. A side column on wide screens; on a phone a bar at the top that opens the same content.
 */
export function ProgressPanel({ reviewId, concerns, activeConcernKey, onePage = false, confirmAll }: ProgressPanelProps) {
  const workspace = useWorkspace();
  const [isOpen, setOpen] = useState(false);
  const bodyId = useId();
  if (!workspace) return null;
  const { evaluation } = workspace;
  const scores = new Map(evaluation.concerns.map((score) => [score.concernKey, score]));
  const awaiting = new Set(evaluation.awaitingConfirmation);
  const waitingIn = (concernKey: string) =>
    evaluation.applicableItems.filter((item) => item.concernKey === concernKey && awaiting.has(item.key)).length;
  const shown = concerns.filter((concern) => scores.has(concern.key));
  const headline = evaluation.reasons[0]?.message;
  const summary = `L${evaluation.level} of L${evaluation.target} · ${verdictLabel(evaluation.verdict)} · ${evaluation.totals.answered}/${evaluation.totals.total} answered`;

  return (
    <aside
      aria-label="Review progress"
      className="sticky top-0 z-20 order-1 -mx-4 border-b border-line bg-canvas/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6 lg:top-4 lg:order-2 lg:mx-0 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:rounded-lg lg:border lg:bg-surface lg:p-4"
    >
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={bodyId}
        onClick={() => setOpen((open) => !open)}
        className="flex w-full items-center justify-between gap-2 py-1 text-left text-sm font-medium text-ink lg:hidden"
      >
        <span>Progress: {summary}</span>
        <span aria-hidden="true">{isOpen ? "▴" : "▾"}</span>
      </button>
      <div id={bodyId} className={cn("space-y-4 pt-2 lg:block lg:pt-0", isOpen ? "block" : "hidden")}>
        <section aria-labelledby={`${bodyId}-live`} className="space-y-2">
          <h2 id={`${bodyId}-live`} className="text-sm font-semibold text-ink">
            Live result
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-ink-muted">Level</dt>
            <dd className="flex flex-wrap items-center gap-1">
              <LevelBadge level={evaluation.level} /> <span className="text-ink-muted">target L{evaluation.target}</span>
            </dd>
            <dt className="text-ink-muted">Verdict</dt>
            <dd>
              <VerdictBadge verdict={evaluation.verdict} />
            </dd>
            <dt className="text-ink-muted">Answered</dt>
            <dd>
              {evaluation.totals.answered} of {evaluation.totals.total}
              {awaiting.size > 0 ? <span className="text-conditional-ink"> · {awaiting.size} carried, not confirmed</span> : null}
            </dd>
          </dl>
          {headline ? <p className="text-sm text-ink-muted">{headline}</p> : null}
          {confirmAll}
        </section>
        <nav aria-label="Concerns of this review">
          <h2 className="mb-1 text-sm font-semibold text-ink">Concerns</h2>
          <ol className="space-y-0.5">
            {shown.map((concern) => {
              const score = scores.get(concern.key);
              const waiting = waitingIn(concern.key);
              const isActive = concern.key === activeConcernKey;
              const isDone = score !== undefined && score.answered === score.total;
              return (
                <li key={concern.key}>
                  <Link
                    href={onePage ? reviewAnswerHref(reviewId, concern.key) : concernHref(reviewId, concern.key)}
                    aria-current={isActive ? "page" : undefined}
                    className={cn(
                      "flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm",
                      isActive ? "bg-brand-50 font-semibold text-brand-900" : "text-ink hover:bg-slate-100",
                    )}
                  >
                    <span className="min-w-0 truncate">{concern.title}</span>
                    <span className={cn("shrink-0 tabular-nums", isDone ? "text-go-ink" : "text-ink-muted")}>
                      {isDone ? <span aria-hidden="true">✓ </span> : null}
                      {score?.answered ?? 0}/{score?.total ?? 0}
                      <span className="sr-only"> answered</span>
                      {waiting > 0 ? <span className="text-conditional-ink"> · {waiting} to confirm</span> : null}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>
    </aside>
  );
}
