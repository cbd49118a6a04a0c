"use client";

import { Field, Input, Textarea } from "@/components/ui/field";
import { useActionForm, useFieldProps } from "@/components/ui/use-action-form";
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
  const failure = state && !state.ok ? state : null;
  const field = useFieldProps(failure?.fieldErrors);
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
      <Field label="Reason" {...field("reason")} required>
        <Textarea rows={2} maxLength={2000} />
      </Field>
      <Field
        label="Compensating control"
        {...field("compensatingControl")}
        required
        description="What limits the risk until the item is met."
      >
        <Textarea rows={2} maxLength={2000} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Risk owner" {...field("riskOwner")} required>
          <Input maxLength={200} autoComplete="off" />
        </Field>
        <Field
          label="Expires on"
          {...field("expiresOn")}
          required
          description={latest ? `Last day it counts; at most ${MAX_WAIVER_DAYS} days away (${formatDate(latest)}).` : undefined}
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
