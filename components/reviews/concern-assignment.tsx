import type { ConcernAssignmentDto } from "@/lib/db/concern-assignments";
import { listAssignableEditors } from "@/lib/db/concern-assignments";
import type { ReviewView } from "@/lib/db/review-view";
import { openItemsWarning } from "@/lib/domain/concern-assignments";
import { CONCERN_WORK_STATUS_WORDS, UNASSIGNED_WORDS } from "@/lib/domain/words";
import { cache } from "react";
import { reviewHref } from "@/lib/routes";
import { requireViewer } from "@/lib/session/viewer";
import { ConcernAssignmentForm } from "./concern-assignment-form";

export type ConcernAssignmentProps = { view: ReviewView; concernKey: string };

/** Applicable items of the concern without a counted answer, as the overview's "Answered" column counts them. */
export function openItemsOf(view: ReviewView, concernKey: string): number {
  const score = view.evaluation.concerns.find((c) => c.concernKey === concernKey);
  return score ? score.total - score.answered : 0;
}

export function assignmentOf(view: ReviewView, concernKey: string): ConcernAssignmentDto {
  return (
    view.assignments.find((a) => a.concernKey === concernKey) ?? {
      concernKey,
      assignee: null,
      status: "NOT_STARTED",
      version: 0,
      updatedBy: null,
      updatedAt: null,
    }
  );
}

// The page of every concern shows this form once per concern: one read of the team's editors per request.
const assignableEditors = cache(async (reviewId: string, teamId: string) =>
  listAssignableEditors(await requireViewer(reviewHref(reviewId)), teamId),
);

/**
 * "Assigned to … · Status" for one concern of a review: a compact form for editors of the owning team while the
 * review is a draft, plain text for everyone else.
 */
export async function ConcernAssignment({ view, concernKey }: ConcernAssignmentProps) {
  const assignment = assignmentOf(view, concernKey);
  const openItems = openItemsOf(view, concernKey);
  const warning = openItemsWarning(assignment.status, openItems);

  if (!view.permissions.canEdit) {
    return (
      <section aria-label="Who works on this concern" className="text-sm text-ink">
        <p>
          <span className="text-ink-muted">Assigned to</span> <strong>{assignment.assignee?.name ?? UNASSIGNED_WORDS}</strong>
          <span aria-hidden="true" className="px-1.5 text-ink-muted">
            ·
          </span>
          <span className="sr-only">, status: </span>
          <strong>{CONCERN_WORK_STATUS_WORDS[assignment.status]}</strong>
          {warning ? <span className="text-conditional-ink"> ({warning})</span> : null}
        </p>
      </section>
    );
  }

  const editors = await assignableEditors(view.review.id, view.service.team.id);
  return (
    <ConcernAssignmentForm
      reviewId={view.review.id}
      concernKey={concernKey}
      assignment={assignment}
      editors={editors}
      openItems={openItems}
    />
  );
}
