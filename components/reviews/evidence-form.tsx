"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { useActionForm, useFieldProps } from "@/components/ui/use-action-form";
import { addEvidenceAction, type FormState } from "@/lib/actions/reviews";
import { EVIDENCE_KINDS } from "@/lib/domain/types";
import { PendingButton } from "./pending-button";
import { EVIDENCE_KIND_WORDS } from "@/lib/domain/words";
import { WordOptions } from "@/components/ui/select-options";
import { ActionForm } from "@/components/ui/action-form";

export function EvidenceForm({ reviewId, itemKey }: { reviewId: string; itemKey: string }) {
  const form = useActionForm<FormState>(addEvidenceAction, null, { resetOnSuccess: true });
  const { state, isPending } = form;
  const failure = state && !state.ok ? state : null;
  const field = useFieldProps(failure?.fieldErrors);

  return (
    <ActionForm
      {...form}
      className="space-y-3"
      failure={failure}
      failureTitle="The evidence was not added"
      hiddenFields={{ reviewId, itemKey }}
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
        <Field label="Link" {...field("url")} required description="http:// or https:// only">
          <Input type="url" inputMode="url" maxLength={2000} placeholder="https://" autoComplete="off" />
        </Field>
        <Field label="Title" {...field("title")} required>
          <Input maxLength={200} autoComplete="off" />
        </Field>
        <Field label="Kind" {...field("kind")}>
          <Select defaultValue="OTHER">
            <WordOptions values={EVIDENCE_KINDS} words={EVIDENCE_KIND_WORDS} />
          </Select>
        </Field>
      </div>
      <PendingButton type="submit" size="sm" variant="secondary" isPending={isPending} pendingLabel="Adding…">
        Add evidence
      </PendingButton>
    </ActionForm>
  );
}
