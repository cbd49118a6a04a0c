import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyLegend } from "@/components/reviews/key-legend";
import type { ReviewStatus } from "@/lib/domain/types";
import { ConcernAssignment } from "@/components/reviews/concern-assignment";
import { ConcernCarriedAnswers } from "@/components/reviews/concern-carried-answers";
import { ConcernPractice } from "@/components/reviews/concern-practice";
import { ItemCard } from "@/components/reviews/item-card";
import type { ReviewView } from "@/lib/db/review-view";
import type { TemplateConcernDto } from "@/lib/db/templates";
import { concernPractice } from "@/lib/domain/default-template";

/** One concern's part of the workspace: who works on it, its advice, what waits for confirmation, and its item cards. */
export function ConcernItems({ view, concern }: { view: ReviewView; concern: TemplateConcernDto }) {
  const { review, evaluation, permissions, template } = view;
  const allItems = template.items.filter((item) => item.concernKey === concern.key);
  // The engine ignores items outside the service's tier, so the page does too (and says so).
  const items = allItems.filter((item) => item.tiers.includes(evaluation.tier));
  const skipped = allItems.length - items.length;
  return (
    <>
      <ConcernAssignment view={view} concernKey={concern.key} />
      {concern.description ? <p className="max-w-prose text-sm text-ink-muted">{concern.description}</p> : null}
      <ConcernPractice practice={concernPractice(template.key, concern.key)} />
      <ConcernCarriedAnswers view={view} concernKey={concern.key} concernTitle={concern.title} />
      {skipped > 0 ? (
        <p className="text-sm text-ink-muted">
          {skipped} {skipped === 1 ? "item does" : "items do"} not apply to tier {evaluation.tier} services and{" "}
          {skipped === 1 ? "is" : "are"} not shown.
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title="Nothing to answer here" description={`No item of this concern applies to tier ${evaluation.tier} services.`} />
      ) : (
        items.map((item) => (
          <ItemCard
            key={item.key}
            reviewId={review.id}
            item={item}
            answer={view.answers[item.key] ?? null}
            waivers={view.waivers.filter((w) => w.itemKey === item.key)}
            outcome={evaluation.outcomes[item.key] ?? "UNANSWERED"}
            permissions={permissions}
            today={evaluation.evaluatedOn}
          />
        ))
      )}
    </>
  );
}

function readOnlyReason(status: ReviewStatus): string {
  if (status === "DECIDED") return "This review was decided; what you see is exactly what was decided.";
  if (status === "SUBMITTED") return "This review is waiting for a decision; the team can reopen it to change answers.";
  if (status === "DRAFT") return "Only editors of the owning team can change answers; you can read them.";
  return "This review is read-only.";
}

/** Above the cards: the keys for those who answer, and why the answers are read-only for everyone else. */
export function AnsweringNote({ status, canAnswer }: { status: ReviewStatus; canAnswer: boolean }) {
  if (canAnswer) return <KeyLegend />;
  return (
    <Alert tone="info" role={undefined}>
      {readOnlyReason(status)}
    </Alert>
  );
}
