"use client";

import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { startReviewAction, type StartReviewState } from "@/lib/actions/reviews";
import type { ReviewerOption } from "@/lib/db/reviews";
import { REVIEW_TRIGGERS } from "@/lib/domain/types";
import { CarryForwardChoice } from "./carry-forward-choice";
import { ReviewerPicker } from "./reviewer-picker";
import { PendingButton } from "./pending-button";
import { TRIGGER_DESCRIPTIONS, TRIGGER_WORDS } from "@/lib/domain/words";

export type StartReviewFormProps = {
  serviceId: string;
  /** Approvers outside the owning team. */
  reviewers: readonly ReviewerOption[];
  /** The last decided review, formatted ("12 Mar 2026"), when there is one to carry answers forward from. */
  carryFromDecidedOn: string | null;
  cancelHref: string;
  /** YYYY-MM-DD; target dates before it are not offered. */
  today: string;
};

const FIELD_ORDER = ["trigger", "targetDate", "carryForward", "reviewerIds"] as const;

export function StartReviewForm({ serviceId, reviewers, carryFromDecidedOn, cancelHref, today }: StartReviewFormProps) {
  // After a refusal, focus goes to the first field with a problem, or to the alert.
  const { state, formAction, isPending, onSubmit, alertRef } = useActionForm<StartReviewState>(startReviewAction, null, {
    focusOrder: FIELD_ORDER,
  });
  const errors = state?.fieldErrors ?? {};

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-xl space-y-6" aria-busy={isPending || undefined}>
      {state ? (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert tone="danger" role="alert" title="The review was not started">
            {state.message}
            {state.reason === "OPEN_REVIEW_EXISTS" ? " Open the existing review from the service page." : null}
          </Alert>
        </div>
      ) : null}
      <input type="hidden" name="serviceId" value={serviceId} />
      <Field label="What triggered this review?" name="trigger" required error={errors.trigger}>
        <Select defaultValue="">
          <option value="" disabled>
            Choose a trigger
          </option>
          {REVIEW_TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>
              {TRIGGER_WORDS[trigger]} — {TRIGGER_DESCRIPTIONS[trigger]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Target date" name="targetDate" description="Optional: when the decision is needed." error={errors.targetDate}>
        <Input type="date" min={today} />
      </Field>
      {carryFromDecidedOn ? <CarryForwardChoice decidedOn={carryFromDecidedOn} error={errors.carryForward} /> : null}
      <ReviewerPicker
        name="reviewerIds"
        label="Reviewers"
        description="Optional: approvers from other teams who will decide the review."
        options={reviewers}
        error={errors.reviewerIds}
      />
      <p className="text-sm text-ink-muted">The review uses the latest checklist template and keeps that version for its whole life.</p>
      <div className="flex flex-wrap gap-3">
        <PendingButton type="submit" isPending={isPending} pendingLabel="Starting…">
          Start review
        </PendingButton>
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
