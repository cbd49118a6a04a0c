import type { ComponentPropsWithoutRef, FormEvent, ReactNode, RefObject } from "react";
import { Alert } from "./alert";

/**
 * What useActionForm hands a form — spread its result in: <ActionForm {...form}>. Its state and alert ref are
 * accepted and left to the form's own notice.
 */
type ActionFormControls = {
  formAction: (data: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  isPending: boolean;
  formRef?: RefObject<HTMLFormElement | null>;
  state?: unknown;
  alertRef?: unknown;
};

export type ActionFormProps = Omit<ComponentPropsWithoutRef<"form">, "action" | "onSubmit"> &
  ActionFormControls & {
    /** Shown first: a result alert, or the failure below. */
    notice?: ReactNode;
    /** Why nothing was saved, under `failureTitle`; the field errors go next to their fields. */
    failure?: { message: string } | null;
    failureTitle?: string;
    /** Values the action needs that the person does not type (ids, versions). */
    hiddenFields?: Record<string, string | number>;
  };

/**
 * A <form> that posts to a server action through useActionForm: validation is the server's (noValidate), it is
 * busy while the action runs, and a failure is said above the fields.
 */
export function ActionForm(allProps: ActionFormProps) {
  const { formAction, onSubmit, isPending, formRef, notice, failure, failureTitle, hiddenFields = {}, children, ...rest } = allProps;
  const { state: _state, alertRef: _alertRef, ...props } = rest;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={isPending || undefined} {...props}>
      {notice}
      {failure && failureTitle ? (
        <Alert tone="danger" title={failureTitle}>
          {failure.message}
        </Alert>
      ) : null}
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
