import type { RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import type { ActionFailure } from "@/lib/actions/result";

export type FormFailureAlertProps = {
  failure: Pick<ActionFailure, "message" | "fieldErrors" | "reason" | "code">;
  alertRef: RefObject<HTMLDivElement | null>;
  /** Fields that show their own error next to a control; errors on any other field go in the alert. */
  fields: readonly string[];
  /** Offered as a reload link when someone else saved first. */
  reloadHref?: string;
};

/** Why a form was not saved, with the way forward: reload after a concurrent edit, or sign in again. */
export function FormFailureAlert({ failure, alertRef, fields, reloadHref }: FormFailureAlertProps) {
  const isStale = failure.reason === "STALE_VERSION";
  const otherErrors = Object.entries(failure.fieldErrors ?? {})
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages);
  return (
    <div ref={alertRef} tabIndex={-1} className="outline-none">
      <Alert tone={isStale ? "warning" : "danger"} role="alert" title={failure.message}>
        {otherErrors.length > 0 ? (
          <ul className="list-disc pl-5">
            {otherErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        {isStale && reloadHref ? (
          <p>
            Nothing was saved; what you typed is still below.{" "}
            <a href={reloadHref} className="font-semibold underline">
              Reload to see their changes
            </a>
            , then make yours again.
          </p>
        ) : null}
        {failure.code === "UNAUTHENTICATED" ? (
          <p>
            <a href="/signin" target="_blank" rel="noopener noreferrer" className="font-semibold underline">
              Sign in again in a new tab
            </a>
            , then save here; what you typed is kept.
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
