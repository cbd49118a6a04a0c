"use client";

import { FormFailureAlert } from "@/components/ui/form-failure-alert";
import { ButtonLink } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form-status";
import { TeamOptions, TierOptions, WordOptions } from "@/components/ui/select-options";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  createServiceAction,
  updateServiceAction,
  type ServiceFormField,
  type ServiceFormState,
  type ServiceFormValues,
} from "@/lib/actions/services";
import { LIFECYCLE_STAGES } from "@/lib/domain/types";
import { LIFECYCLE_WORDS } from "@/lib/domain/words";

export type ServiceFormTeam = { id: string; name: string };

export type ServiceFormProps = {
  mode: "create" | "edit";
  teams: ServiceFormTeam[];
  /** What the fields start with: the stored service when editing, defaults when creating. */
  initialValues: ServiceFormValues;
  cancelHref: string;
  /** The edit page of the service, offered as a reload link when someone else saved first. */
  reloadHref?: string;
};

// Visual order, so focus lands on the first problem a person would meet reading down the form.
const FIELD_ORDER: ServiceFormField[] = [
  "name",
  "slug",
  "teamId",
  "tier",
  "lifecycle",
  "description",
  "onCall",
  "repositoryUrl",
  "runbookUrl",
  "dashboardUrl",
  "healthUrl",
];

export function ServiceForm({ mode, teams, initialValues, cancelHref, reloadHref }: ServiceFormProps) {
  const action = mode === "create" ? createServiceAction : updateServiceAction;
  const { state, formAction, isPending, onSubmit, alertRef } = useActionForm<ServiceFormState>(action, null, {
    focusOrder: FIELD_ORDER,
  });

  // Without JavaScript the form posts normally and the returned values refill it.
  const values = state?.values ?? initialValues;
  const errors = state?.fieldErrors ?? {};
  const value = (field: ServiceFormField) => values[field] ?? "";
  // Errors on hidden fields (id, version) have no control to sit next to: the alert carries them.

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={isPending || undefined}>
      {state ? <FormFailureAlert failure={state} alertRef={alertRef} fields={FIELD_ORDER} reloadHref={reloadHref} /> : null}

      {mode === "edit" ? (
        <>
          <input type="hidden" name="id" defaultValue={value("id")} />
          <input type="hidden" name="version" defaultValue={value("version")} />
        </>
      ) : null}

      <div className="grid gap-6 md:grid-cols-2">
        <Field label="Name" name="name" required error={errors.name}>
          <Input defaultValue={value("name")} maxLength={80} autoComplete="off" />
        </Field>
        <Field
          label="Slug"
          name="slug"
          required={mode === "edit"}
          error={errors.slug}
          description={
            mode === "create"
              ? "Used in links, like /services/payments-api. Leave blank to make one from the name."
              : "Used in links. Changing it breaks links people have saved."
          }
        >
          <Input defaultValue={value("slug")} maxLength={60} autoComplete="off" spellCheck={false} />
        </Field>

        <Field label="Team" name="teamId" required error={errors.teamId} description="The team that owns and runs it.">
          <Select defaultValue={value("teamId")}>
            <option value="">Choose a team</option>
            <TeamOptions teams={teams} by="id" />
          </Select>
        </Field>
        <Field label="Tier" name="tier" required error={errors.tier} description="Sets the maturity level it must reach.">
          <Select defaultValue={value("tier")}>
            <option value="">Choose a tier</option>
            <TierOptions />
          </Select>
        </Field>

        <Field label="Lifecycle" name="lifecycle" required error={errors.lifecycle}>
          <Select defaultValue={value("lifecycle")}>
            <WordOptions values={LIFECYCLE_STAGES} words={LIFECYCLE_WORDS} />
          </Select>
        </Field>
        <Field label="On-call" name="onCall" error={errors.onCall} description="A rotation, channel or pager alias.">
          <Input defaultValue={value("onCall")} maxLength={200} autoComplete="off" />
        </Field>

        <Field label="Description" name="description" error={errors.description} className="md:col-span-2">
          <Textarea defaultValue={value("description")} maxLength={2000} />
        </Field>

        <Field label="Repository link" name="repositoryUrl" error={errors.repositoryUrl} className="md:col-span-2">
          <Input type="url" inputMode="url" defaultValue={value("repositoryUrl")} placeholder="https://" />
        </Field>
        <Field label="Runbook link" name="runbookUrl" error={errors.runbookUrl}>
          <Input type="url" inputMode="url" defaultValue={value("runbookUrl")} placeholder="https://" />
        </Field>
        <Field label="Dashboard link" name="dashboardUrl" error={errors.dashboardUrl}>
          <Input type="url" inputMode="url" defaultValue={value("dashboardUrl")} placeholder="https://" />
        </Field>
        <Field
          label="Health check URL"
          name="healthUrl"
          error={errors.healthUrl}
          description="Probed by the automated checks an admin binds to checklist items, e.g. https://payments.example.com/healthz"
          className="md:col-span-2"
        >
          <Input type="url" inputMode="url" defaultValue={value("healthUrl")} placeholder="https://" />
        </Field>
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-line pt-6">
        <SubmitButton disabled={isPending} pendingLabel={mode === "create" ? "Creating…" : "Saving…"}>
          {mode === "create" ? "Create service" : "Save changes"}
        </SubmitButton>
        <ButtonLink href={cancelHref} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
