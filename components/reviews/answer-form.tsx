"use client";

import { useEffect, useId, useRef, useState, useTransition, type ChangeEvent, type FormEvent, type KeyboardEvent } from "react";
import { Field, Fieldset, Textarea } from "@/components/ui/field";
import { saveAnswerAction } from "@/lib/actions/reviews";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { ANSWER_STATUSES, type AnswerStatus } from "@/lib/domain/types";
import { AnswerConflict } from "./answer-conflict";
import { PendingButton } from "./pending-button";
import { SaveStatus, type SaveState } from "./save-status";
import { ANSWER_WORDS } from "@/lib/domain/words";

export type AnswerFormProps = {
  reviewId: string;
  itemKey: string;
  itemTitle: string;
  initial: AnswerDto | null;
};

export type AnswerValues = { status: AnswerStatus | ""; note: string; naReason: string };

export function valuesOf(answer: AnswerDto | null): AnswerValues {
  return answer ? { status: answer.status, note: answer.note, naReason: answer.naReason ?? "" } : { status: "", note: "", naReason: "" };
}

function sameValues(a: AnswerValues, b: AnswerValues): boolean {
  // The reason only matters for N/A, exactly as the server stores it.
  const reason = (v: AnswerValues) => (v.status === "NOT_APPLICABLE" ? v.naReason.trim() : "");
  return a.status === b.status && a.note.trim() === b.note.trim() && reason(a) === reason(b);
}

/**
 * One item's answer with an explicit Save (also Ctrl/Cmd+Enter). The version last seen travels with
 * every save; when someone else saved in between, the server refuses and this form shows their answer
 * next to ours, so nothing is overwritten or lost without the person choosing it.
 */
export function AnswerForm({ reviewId, itemKey, itemTitle, initial }: AnswerFormProps) {
  const [values, setValues] = useState<AnswerValues>(() => valuesOf(initial));
  const [saved, setSaved] = useState<AnswerDto | null>(initial);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<{ current: AnswerDto | null } | null>(null);
  const [isPending, startTransition] = useTransition();
  const submitted = useRef<AnswerValues | null>(null);
  const baseId = useId();
  const isDirty = !sameValues(values, valuesOf(saved));
  // The text boxes are controlled, so a conflict or a newer answer can replace what they show.
  const textProps = (field: "note" | "naReason") => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
      const text = event.target.value;
      setValues((v) => ({ ...v, [field]: text }));
    },
  });

  // A refresh (revalidation after any save) may bring a newer answer from someone else. Adopt it
  // while nothing is being edited; with local edits, keep them: the next save reports the conflict.
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    if (initial && (!saved || initial.version > saved.version) && !isDirty) {
      setSaved(initial);
      setValues(valuesOf(initial));
    }
  }

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  function save(expectedVersion: number | null) {
    if (values.status === "") {
      setFieldErrors({ status: ["Choose an answer before saving"] });
      setSaveState({ kind: "failed", message: "Choose an answer before saving." });
      return;
    }
    const sent = values;
    submitted.current = sent;
    setFieldErrors({});
    setSaveState({ kind: "saving" });
    startTransition(async () => {
      const result = await saveAnswerAction(reviewId, itemKey, {
        status: sent.status,
        note: sent.note,
        naReason: sent.naReason,
        expectedVersion,
      });
      if (result.ok) {
        setSaved(result.data);
        setConflict(null);
        // Keep anything typed while the save was in flight; otherwise show what the server stored.
        setValues((now) => (now === submitted.current ? valuesOf(result.data) : now));
        setSaveState({ kind: "saved", at: result.data.answeredAt });
      } else if (result.code === "CONFLICT" && "current" in result) {
        setConflict({ current: result.current ?? null });
        setSaveState({ kind: "conflict" });
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setSaveState({ kind: "failed", message: result.message });
      }
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(saved?.version ?? null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!isPending) save(saved?.version ?? null);
    }
  }

  function adoptTheirs(current: AnswerDto | null) {
    setSaved(current);
    setValues(valuesOf(current));
    setConflict(null);
    setSaveState({ kind: "idle" });
  }

  const statusName = `${baseId}-status`;
  return (
    // Ctrl/⌘+Enter from any control inside submits: the form only listens to keys its own controls receive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="space-y-4" aria-busy={isPending || undefined}>
      {conflict ? (
        <AnswerConflict
          current={conflict.current}
          isPending={isPending}
          onUseTheirs={() => adoptTheirs(conflict.current)}
          onOverwrite={() => save(conflict.current?.version ?? null)}
        />
      ) : null}
      <Fieldset legend={`Answer for “${itemTitle}”`} name={statusName} required error={fieldErrors.status}>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {ANSWER_STATUSES.map((status) => {
            const id = `${baseId}-${status}`;
            return (
              <div key={status} className="flex items-center gap-2">
                <input
                  id={id}
                  type="radio"
                  name={statusName}
                  value={status}
                  checked={values.status === status}
                  onChange={() => setValues((v) => ({ ...v, status }))}
                  className="size-4 border-line-strong"
                />
                <label htmlFor={id} className="text-sm text-ink">
                  {ANSWER_WORDS[status]}
                </label>
              </div>
            );
          })}
        </div>
      </Fieldset>
      {values.status === "NOT_APPLICABLE" ? (
        <Field label="Why does this item not apply?" name="naReason" id={`${baseId}-na`} required error={fieldErrors.naReason}>
          <Textarea rows={2} maxLength={1000} {...textProps("naReason")} />
        </Field>
      ) : null}
      <Field label="Note" name="note" id={`${baseId}-note`} error={fieldErrors.note}>
        <Textarea rows={2} maxLength={5000} {...textProps("note")} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <PendingButton type="submit" size="sm" isPending={isPending} pendingLabel="Saving…" aria-keyshortcuts="Control+Enter Meta+Enter">
          Save answer
        </PendingButton>
        <SaveStatus
          state={saveState}
          isDirty={isDirty}
          answeredBy={saved?.answeredBy?.name ?? null}
          answeredAt={saved?.answeredAt ?? null}
        />
      </div>
    </form>
  );
}
