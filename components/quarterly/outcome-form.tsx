"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { PendingButton } from "@/components/reviews/pending-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Fieldset, Input, Textarea } from "@/components/ui/field";
import { recordMeetingOutcomeAction } from "@/lib/actions/quarterly";
import type { MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import { MEETING_OUTCOMES, type MeetingOutcomeKind } from "@/lib/schemas/quarterly";
import { cn } from "@/lib/utils/cn";
import { describeOutcome as describe } from "./labels";
import { MEETING_OUTCOME_WORDS } from "@/lib/domain/words";

export type OutcomeFormProps = {
  quarter: string;
  serviceId: string;
  serviceName: string;
  initial: MeetingOutcomeDto | null;
  /** The UTC calendar day; a follow-up cannot be due before it (the server checks again). */
  today: string;
  size?: "md" | "lg";
};

type Values = { outcome: MeetingOutcomeKind | ""; note: string; followUpOwner: string; followUpDue: string };

function valuesOf(outcome: MeetingOutcomeDto | null): Values {
  return {
    outcome: outcome?.outcome ?? "",
    note: outcome?.note ?? "",
    followUpOwner: outcome?.followUpOwner ?? "",
    followUpDue: outcome?.followUpDue ?? "",
  };
}

type Status =
  { kind: "idle" } | { kind: "saved" } | { kind: "failed"; message: string } | { kind: "conflict"; current: MeetingOutcomeDto | null };

/**
 * The meeting's outcome for one service. The version last seen travels with every save; when someone else
 * recorded in between, the server refuses, and this form says who recorded what and offers to load it.
 */
export function OutcomeForm({ quarter, serviceId, serviceName, initial, today, size = "md" }: OutcomeFormProps) {
  const router = useRouter();
  const [saved, setSaved] = useState<MeetingOutcomeDto | null>(initial);
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [isPending, startTransition] = useTransition();
  const id = useId();

  // A refresh (after anyone's save) may bring a newer outcome; adopt it unless this form holds unsaved edits.
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    const isDirty = JSON.stringify(values) !== JSON.stringify(valuesOf(saved));
    if (initial && (!saved || initial.version > saved.version) && !isDirty) {
      setSaved(initial);
      setValues(valuesOf(initial));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = values;
    setStatus({ kind: "idle" });
    startTransition(async () => {
      const result = await recordMeetingOutcomeAction(quarter, serviceId, { ...sent, expectedVersion: saved?.version ?? null });
      if (result.ok) {
        setSaved(result.data);
        setValues(valuesOf(result.data));
        setFieldErrors({});
        setStatus({ kind: "saved" });
      } else if (result.code === "CONFLICT" && "current" in result) {
        setFieldErrors({});
        setStatus({ kind: "conflict", current: result.current ?? null });
      } else {
        const errors = result.fieldErrors ?? {};
        setFieldErrors(errors);
        // Field errors sit next to their fields; repeating the first one here would only say it twice.
        setStatus({
          kind: "failed",
          message: Object.keys(errors).length > 0 ? "fix the highlighted fields and save again." : result.message,
        });
      }
    });
  }

  function reload(current: MeetingOutcomeDto | null) {
    setSaved(current);
    setValues(valuesOf(current));
    setStatus({ kind: "idle" });
    router.refresh();
  }

  const isLarge = size === "lg";
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Outcome for ${serviceName}`} aria-busy={isPending || undefined} className="space-y-4">
      {status.kind === "conflict" ? (
        <Alert tone="warning" role="alert" title="Someone else recorded an outcome for this service while you were editing">
          <p>{status.current ? describe(status.current) : "The outcome changed on the server."} Your entry was not saved.</p>
          <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={() => reload(status.current)}>
            Reload their outcome
          </Button>
        </Alert>
      ) : null}
      <Fieldset legend="Outcome" name={`${id}-outcome`} required error={fieldErrors.outcome}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {MEETING_OUTCOMES.map((outcome) => (
            <div key={outcome} className="flex items-center gap-2">
              <input
                id={`${id}-${outcome}`}
                type="radio"
                name={`${id}-outcome`}
                value={outcome}
                checked={values.outcome === outcome}
                onChange={() => set({ outcome })}
                className={cn("border-line-strong", isLarge ? "size-5" : "size-4")}
              />
              <label htmlFor={`${id}-${outcome}`} className={isLarge ? "text-base" : "text-sm"}>
                {MEETING_OUTCOME_WORDS[outcome]}
              </label>
            </div>
          ))}
        </div>
      </Fieldset>
      {values.outcome === "FOLLOW_UP" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Follow-up owner" name="followUpOwner" id={`${id}-owner`} required error={fieldErrors.followUpOwner}>
            <Input
              maxLength={200}
              autoComplete="off"
              value={values.followUpOwner}
              onChange={(e) => set({ followUpOwner: e.target.value })}
            />
          </Field>
          <Field label="Due date" name="followUpDue" id={`${id}-due`} required error={fieldErrors.followUpDue}>
            <Input type="date" min={today} value={values.followUpDue} onChange={(e) => set({ followUpDue: e.target.value })} />
          </Field>
        </div>
      ) : null}
      <Field label="Note" name="note" id={`${id}-note`} error={fieldErrors.note}>
        <Textarea rows={2} maxLength={2000} value={values.note} onChange={(e) => set({ note: e.target.value })} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <PendingButton type="submit" size={isLarge ? "lg" : "sm"} isPending={isPending} pendingLabel="Saving…">
          Save outcome
        </PendingButton>
        <p
          role="status"
          aria-live="polite"
          className={cn("text-sm", status.kind === "failed" ? "font-medium text-nogo" : "text-ink-muted")}
        >
          {status.kind === "failed"
            ? `Not saved: ${status.message}`
            : status.kind === "saved" && saved
              ? `Saved. ${describe(saved)}`
              : saved
                ? describe(saved)
                : "No outcome recorded yet."}
        </p>
      </div>
    </form>
  );
}
