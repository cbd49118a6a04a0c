"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { FormFailureAlert } from "@/components/ui/form-failure-alert";
import { Field, Select } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveConcernAssignmentAction, type ConcernAssignmentState } from "@/lib/actions/concern-assignments";
import type { ConcernAssignmentDto } from "@/lib/db/concern-assignments";
import type { PersonRef } from "@/lib/domain/types";
import { CONCERN_WORK_STATUSES, openItemsWarning, type ConcernWorkStatus } from "@/lib/domain/concern-assignments";
import { CONCERN_WORK_STATUS_WORDS } from "@/lib/domain/words";
import { concernHref } from "@/lib/routes";
import { PendingButton } from "./pending-button";

export type ConcernAssignmentFormProps = {
  reviewId: string;
  concernKey: string;
  assignment: ConcernAssignmentDto;
  /** The owning team's editors, by name. */
  editors: readonly PersonRef[];
  /** Applicable items still unanswered: "done" is allowed with some, and the form says how many. */
  openItems: number;
};

const FIELDS = ["assignee", "status"] as const;

/** The concern page's compact "Assigned to … · Status" control for editors of the owning team. */
export function ConcernAssignmentForm({ reviewId, concernKey, assignment, editors, openItems }: ConcernAssignmentFormProps) {
  const form = useActionForm<ConcernAssignmentState>(saveConcernAssignmentAction, null);
  const { state, isPending, alertRef } = form;
  const baseId = useId();
  const assigneeId = `${baseId}-assignee`;
  const statusId = `${baseId}-status`;
  const savedRef = useRef<HTMLParagraphElement>(null);
  const failure = state && !state.ok ? state : null;
  const saved = state?.ok ? state.data : null;
  // The choices follow what is stored whenever its version moves (a save here or elsewhere, or a first answer
  // starting the concern), so the form never posts an old status back over a newer one.
  const stored = { version: assignment.version, assignee: assignment.assignee?.id ?? "", status: assignment.status };
  const [choice, setChoice] = useState(stored);
  if (choice.version !== stored.version) setChoice(stored);
  // A person who is no longer an editor of the team stays visible as the current choice until someone changes it.
  const isFormerEditor = assignment.assignee !== null && !editors.some((e) => e.id === assignment.assignee?.id);
  const warning = openItemsWarning(assignment.status, openItems);

  useEffect(() => {
    if (!state) return;
    if (state.ok) savedRef.current?.focus();
    else if (state.fieldErrors?.assignee) document.getElementById(assigneeId)?.focus();
    else if (state.fieldErrors?.status) document.getElementById(statusId)?.focus();
    else alertRef.current?.focus();
  }, [state, assigneeId, statusId, alertRef]);

  return (
    <section aria-labelledby={`${baseId}-heading`} className="rounded-md border border-line bg-surface p-3">
      <h2 id={`${baseId}-heading`} className="sr-only">
        Who works on this concern
      </h2>
      <ActionForm
        {...form}
        notice={
          failure ? (
            <div className="mb-3">
              <FormFailureAlert failure={failure} alertRef={alertRef} fields={FIELDS} reloadHref={concernHref(reviewId, concernKey)} />
            </div>
          ) : null
        }
        hiddenFields={{ reviewId, concernKey, expectedVersion: assignment.version }}
        className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
      >
        <Field label="Assigned to" name="assignee" id={assigneeId} error={failure?.fieldErrors?.assignee} className="sm:w-64">
          <Select value={choice.assignee} onChange={(event) => setChoice({ ...choice, assignee: event.target.value })}>
            <option value="">Nobody yet</option>
            {isFormerEditor && assignment.assignee ? (
              <option value={assignment.assignee.id}>{assignment.assignee.name} (no longer an editor of the team)</option>
            ) : null}
            {editors.map((editor) => (
              <option key={editor.id} value={editor.id}>
                {editor.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status" name="status" id={statusId} error={failure?.fieldErrors?.status} className="sm:w-44">
          <Select value={choice.status} onChange={(event) => setChoice({ ...choice, status: event.target.value as ConcernWorkStatus })}>
            {CONCERN_WORK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {CONCERN_WORK_STATUS_WORDS[status]}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <PendingButton type="submit" variant="secondary" isPending={isPending} pendingLabel="Saving…">
            Save assignment
          </PendingButton>
        </div>
      </ActionForm>
      <div className="mt-2 space-y-1 text-sm">
        {saved ? (
          <p ref={savedRef} tabIndex={-1} role="status" className="font-medium text-go-ink outline-none">
            Saved: {saved.assignee ? `assigned to ${saved.assignee.name}` : "nobody assigned"},{" "}
            {CONCERN_WORK_STATUS_WORDS[saved.status].toLowerCase()}.
          </p>
        ) : null}
        {warning ? <p className="text-conditional-ink">Marked done, but {warning}.</p> : null}
        <p className="text-ink-muted">Saving the first answer of a concern that is not started moves it to in progress.</p>
      </div>
    </section>
  );
}
