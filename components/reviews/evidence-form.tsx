"use client";

import { useId } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addEvidenceAction, type FormState } from "@/lib/actions/reviews";
import { EVIDENCE_KINDS } from "@/lib/domain/types";
import { PendingButton } from "./pending-button";
import { EVIDENCE_KIND_WORDS } from "@/lib/domain/words";
import { WordOptions } from "@/components/ui/select-options";
import { ActionForm } from "@/components/ui/action-form";

export function EvidenceForm({ reviewId, itemKey }: { reviewId: string; itemKey: string }) {
  const form = useActionForm<FormState>(addEvidenceAction, null, { resetOnSuccess: true });
  const { state, isPending } = form;
  const baseId = useId();
  const failure = state && !state.ok ? state : null;

  return (
    <ActionForm
      {...form}
      className="space-y-3"
      failure={failure}
      failureTitle="The evidence was not added"
      hiddenFields={{ reviewId, itemKey }}
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
        <Field
          label="Link"
          name="url"
          id={`${baseId}-url`}
          required
          description="http:// or https:// only"
          error={failure?.fieldErrors?.url}
        >
          <Input type="url" inputMode="url" maxLength={2000} placeholder="https://" autoComplete="off" />
        </Field>
        <Field label="Title" name="title" id={`${baseId}-title`} required error={failure?.fieldErrors?.title}>
          <Input maxLength={200} autoComplete="off" />
        </Field>
        <Field label="Kind" name="kind" id={`${baseId}-kind`} error={failure?.fieldErrors?.kind}>
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
