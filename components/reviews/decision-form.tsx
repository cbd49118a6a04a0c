"use client";

import { useState } from "react";
import { Field, Fieldset, Textarea } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { verdictLabel } from "@/components/readiness/verdict-badge";
import { decideReviewAction, type FormState } from "@/lib/actions/reviews";
import { VERDICTS, type Verdict } from "@/lib/domain/types";
import { isDecisionAllowed } from "@/lib/domain/verdict";
import { PendingButton } from "./pending-button";
import { ActionForm } from "@/components/ui/action-form";

export type DecisionFormProps = {
  reviewId: string;
  version: number;
  computedVerdict: Verdict;
};

const HINTS: Record<Verdict, string> = {
  GO: "Ready for production.",
  CONDITIONAL_GO: "May ship; the conditions in the verdict panel must be followed up.",
  NO_GO: "Not ready; the team starts a new review after fixing the blockers.",
};

/**
 * The approver's decision. Options looser than the computed verdict are shown but disabled, with the
 * reason, so the approver sees why; the server checks the same rule again against fresh data.
 */
export function DecisionForm({ reviewId, version, computedVerdict }: DecisionFormProps) {
  const form = useActionForm<FormState>(decideReviewAction, null);
  const { state, isPending } = form;
  const [decision, setDecision] = useState<Verdict>(computedVerdict);
  const [note, setNote] = useState("");
  const failure = state && !state.ok ? state : null;
  const isStricter = decision !== computedVerdict;

  return (
    <ActionForm
      {...form}
      className="space-y-4"
      failure={failure}
      failureTitle="The decision was not recorded"
      hiddenFields={{ reviewId, expectedVersion: version }}
    >
      <Fieldset
        legend="Decision"
        name="decision"
        required
        description={`The computed verdict is ${verdictLabel(computedVerdict).toLowerCase()}. A decision may be stricter, never looser.`}
        error={failure?.fieldErrors?.decision}
      >
        <div className="space-y-2">
          {VERDICTS.map((verdict) => {
            const isAllowed = isDecisionAllowed(computedVerdict, verdict);
            const id = `decision-${verdict}`;
            return (
              <div key={verdict} className="flex items-start gap-2">
                <input
                  id={id}
                  type="radio"
                  name="decision"
                  value={verdict}
                  checked={decision === verdict}
                  onChange={() => setDecision(verdict)}
                  disabled={!isAllowed}
                  aria-describedby={`${id}-hint`}
                  className="mt-1 size-4 border-line-strong"
                />
                <div>
                  <label htmlFor={id} className={isAllowed ? "text-sm font-medium text-ink" : "text-sm font-medium text-ink-muted"}>
                    {verdictLabel(verdict)}
                  </label>
                  <p id={`${id}-hint`} className="text-sm text-ink-muted">
                    {isAllowed
                      ? HINTS[verdict]
                      : `Not available: looser than the computed verdict. Going looser needs the items behind the verdict met or covered by an approved waiver.`}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
      <Field
        label="Note"
        name="note"
        required={isStricter}
        description={
          isStricter
            ? "Required: explain why the decision is stricter than the computed verdict."
            : "Conditions, follow-ups or context for the team."
        }
        error={failure?.fieldErrors?.note}
      >
        <Textarea value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} rows={3} />
      </Field>
      <PendingButton type="submit" isPending={isPending} pendingLabel="Recording…">
        Record decision
      </PendingButton>
    </ActionForm>
  );
}
