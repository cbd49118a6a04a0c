"use client";

import { useId } from "react";
import { Field, Input, Textarea } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestWaiverAction, type FormState } from "@/lib/actions/reviews";
import { addDays } from "@/lib/domain/days";
import { MAX_WAIVER_DAYS } from "@/lib/domain/waivers";
import { PendingButton } from "./pending-button";
import { formatDate } from "@/lib/format/dates";
import { ActionForm } from "@/components/ui/action-form";

export type WaiverFormProps = { reviewId: string; itemKey: string; today: string };

/** Asks for a waiver; an approver from another team decides it. The server re-checks the expiry window. */
export function WaiverForm({ reviewId, itemKey, today }: WaiverFormProps) {
  const form = useActionForm<FormState>(requestWaiverAction, null, { resetOnSuccess: true });
  const { state, isPending } = form;
  const baseId = useId();
  const failure = state && !state.ok ? state : null;
  const earliest = addDays(today, 1) ?? undefined;
  const latest = addDays(today, MAX_WAIVER_DAYS) ?? undefined;

  return (
    <ActionForm
      {...form}
      className="space-y-3"
      failure={failure}
      failureTitle="The waiver was not requested"
      hiddenFields={{ reviewId, itemKey }}
    >
      <Field label="Reason" name="reason" id={`${baseId}-reason`} required error={failure?.fieldErrors?.reason}>
        <Textarea rows={2} maxLength={2000} />
      </Field>
      <Field
        label="Compensating control"
        name="compensatingControl"
        id={`${baseId}-control`}
        required
        description="What limits the risk until the item is met."
        error={failure?.fieldErrors?.compensatingControl}
      >
        <Textarea rows={2} maxLength={2000} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Risk owner" name="riskOwner" id={`${baseId}-owner`} required error={failure?.fieldErrors?.riskOwner}>
          <Input maxLength={200} autoComplete="off" />
        </Field>
        <Field
          label="Expires on"
          name="expiresOn"
          id={`${baseId}-expires`}
          required
          description={latest ? `Last day it counts; at most ${MAX_WAIVER_DAYS} days away (${formatDate(latest)}).` : undefined}
          error={failure?.fieldErrors?.expiresOn}
        >
          <Input type="date" min={earliest} max={latest} />
        </Field>
      </div>
      <PendingButton type="submit" size="sm" variant="secondary" isPending={isPending} pendingLabel="Requesting…">
        Request waiver
      </PendingButton>
    </ActionForm>
  );
}
