"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Field, Textarea } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { saveAnswerAction } from "@/lib/actions/reviews";
import type { AnswerDto } from "@/lib/db/review-dtos";
import type { AnswerStatus } from "@/lib/domain/types";
import { AnswerChoice } from "./answer-choice";
import { AnswerConflict } from "./answer-conflict";
import { AnswerSaver, type SaverSnapshot } from "./answer-saver";
import { planSave, valuesOf } from "./answer-values";
import { useWorkspace, type AnswerOutcome } from "./review-workspace";
import { SaveStatus } from "./save-status";

export type AnswerFormProps = {
  reviewId: string;
  itemKey: string;
  itemTitle: string;
  initial: AnswerDto | null;
};

/** Typing saves this long after the last key (and at once when the field loses focus). */
export const TYPING_DEBOUNCE_MS = 700;

/** The browser's own timing of each save, read by `npm run bench:review` (and visible in devtools). */
export const SAVE_MEASURE = "shipshape:answer-save";

/**
 * One item's answer. Choosing an answer saves it at once; the note and the N/A reason save as you type and when you
 * leave the field. Every save carries the version last seen; when someone else saved in between, the server refuses
 * and the form shows their answer beside ours, so nothing is overwritten without the person choosing.
 */
export function AnswerForm({ reviewId, itemKey, itemTitle, initial }: AnswerFormProps) {
  const workspace = useWorkspace();
  const [snapshot, setSnapshot] = useState<SaverSnapshot | null>(null);
  const [saver] = useState(
    () =>
      new AnswerSaver(initial, {
        send: (payload) => saveAnswerAction(reviewId, itemKey, payload, { refreshPage: !workspace?.refreshesItself }),
        onChange: setSnapshot,
        debounceMs: TYPING_DEBOUNCE_MS,
        now: () => performance.now(),
        measure: (start, ok) => performance.measure(SAVE_MEASURE, { start, detail: { itemKey, ok } }),
      }),
  );
  const state = snapshot ?? saver.snapshot;
  const [isNoteOpen, setNoteOpen] = useState(() => (initial?.note ?? "") !== "");
  const baseId = useId();
  const wantsReasonFocus = useRef(false);

  // A refresh (revalidation after any save) may bring a newer answer from someone else.
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    saver.adoptServer(initial);
  }

  // The page hears about every save (live progress) and about unsaved text (leaving asks first).
  useEffect(() => {
    workspace?.setEditState(itemKey, state.editState);
  }, [workspace, itemKey, state.editState]);
  useEffect(() => {
    if (state.saved) workspace?.report(state.saved);
  }, [workspace, state.saved]);

  const choose = useCallback(
    (status: AnswerStatus): AnswerOutcome => {
      saver.choose(status);
      if (status !== "NOT_APPLICABLE" || saver.snapshot.values.naReason.trim() !== "") return "sent";
      wantsReasonFocus.current = true;
      return "needs-input";
    },
    [saver],
  );
  useEffect(() => workspace?.registerAnswerer(itemKey, choose), [workspace, itemKey, choose]);

  // A debounced note still goes out when the card leaves the page (switching concern).
  useEffect(() => () => saver.dispose(), [saver]);

  const { values, saved, saveState, fieldErrors, conflict } = state;
  const isDirty = planSave(values, valuesOf(saved)).kind !== "none";
  const noteHasText = values.note.trim() !== "";
  return (
    <div className="space-y-3" aria-busy={saveState.kind === "saving" || undefined}>
      {conflict ? (
        <AnswerConflict
          current={conflict.current}
          isPending={saveState.kind === "saving"}
          onUseTheirs={() => {
            saver.takeTheirs();
            if ((conflict.current?.note ?? "") !== "") setNoteOpen(true);
          }}
          onOverwrite={() => saver.overwrite()}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <AnswerChoice
          name={`${baseId}-status`}
          legend={`Answer for “${itemTitle}”`}
          value={values.status}
          onChoose={choose}
          error={fieldErrors.status}
        />
        <SaveStatus
          state={saveState}
          isDirty={isDirty}
          answeredBy={saved?.answeredBy?.name ?? null}
          answeredAt={saved?.answeredAt ?? null}
        />
        {saveState.kind === "failed" ? (
          <Button type="button" size="sm" variant="secondary" onClick={() => saver.flush()}>
            Retry
          </Button>
        ) : null}
      </div>
      {values.status === "NOT_APPLICABLE" ? (
        <Field label="Why does this item not apply?" name="naReason" id={`${baseId}-na`} required error={fieldErrors.naReason}>
          <Textarea
            ref={(element) => {
              if (element && wantsReasonFocus.current) {
                wantsReasonFocus.current = false;
                element.focus();
              }
            }}
            rows={2}
            maxLength={1000}
            value={values.naReason}
            onChange={(event) => saver.type("naReason", event.target.value)}
            onBlur={() => saver.leaveField()}
          />
        </Field>
      ) : null}
      <details open={isNoteOpen || noteHasText} onToggle={(event) => setNoteOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Note</summary>
        <div className="mt-2">
          <Field label="Note" name="note" id={`${baseId}-note`} error={fieldErrors.note}>
            <Textarea
              rows={2}
              maxLength={5000}
              value={values.note}
              onChange={(event) => saver.type("note", event.target.value)}
              onBlur={() => saver.leaveField()}
            />
          </Field>
        </div>
      </details>
    </div>
  );
}
