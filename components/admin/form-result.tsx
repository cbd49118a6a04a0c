import type { RefObject } from "react";
import { Alert } from "@/components/ui/alert";
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
  const isStale = state.reason === "STALE_VERSION";
  const otherErrors = Object.entries(state.fieldErrors ?? {})
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages);
  return (
    <div ref={alertRef} tabIndex={-1} className="outline-none">
      <Alert tone={isStale ? "warning" : "danger"} role="alert" title={state.message}>
        {otherErrors.length > 0 ? (
          <ul className="list-disc pl-5">
            {otherErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        {isStale && reloadHref ? (
          <p>
            Nothing was saved.{" "}
            <a href={reloadHref} className="font-semibold underline">
              Reload to see their changes
            </a>
            , then make yours again.
          </p>
        ) : null}
        {state.code === "UNAUTHENTICATED" ? (
          <p>
            <a href="/signin" target="_blank" rel="noopener noreferrer" className="font-semibold underline">
              Sign in again in a new tab
            </a>
            , then save here; what you entered is kept.
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
