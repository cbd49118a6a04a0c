import type { RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { FormFailureAlert } from "@/components/ui/form-failure-alert";
import type { AdminFormState } from "@/lib/actions/admin";

export type FormResultProps<Values> = {
  state: AdminFormState<Values>;
  alertRef: RefObject<HTMLDivElement | null>;
  /** Fields that have a control to show their error next to; errors on any other field go in the alert. */
  fields: readonly string[];
  /** Offered as a reload link when someone else saved first. */
  reloadHref?: string;
};

/** The message above an admin form: what was saved, or why nothing was. */
export function FormResult<Values>({ state, alertRef, fields, reloadHref }: FormResultProps<Values>) {
  if (!state) return null;
  if (state.ok) {
    return (
      <div ref={alertRef} tabIndex={-1} className="outline-none">
        <Alert tone="success" title={state.message} />
      </div>
    );
  }
  return <FormFailureAlert failure={state} alertRef={alertRef} fields={fields} reloadHref={reloadHref} />;
}
