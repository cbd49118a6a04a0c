"use client";

import { startTransition, useActionState, useEffect, useId, useRef, type FormEvent } from "react";
import { fieldId } from "./field";

/** What a form's server action hands back: a result or a failure with per-field errors, or nothing yet. */
type FormActionState = { ok: boolean; fieldErrors?: Record<string, string[]> } | null;

export type ActionFormOptions = {
  /**
   * Field names in visual order. After a failure focus moves to the first one with an error (found by
   * `fieldId(name)`), or to the element holding `alertRef` when the problem is not about one field.
   * Pass a module-level constant: a new array every render would move focus again on every render.
   */
  focusOrder?: readonly string[];
  /** Clears the form after a success, for forms that add one thing after another. */
  resetOnSuccess?: boolean;
};

/**
 * useActionState for a <form>, plus what every such form here needs: submitting through our own
 * transition, and optionally moving focus after a failure or clearing the form after a success.
 */
export function useActionForm<State extends FormActionState>(
  action: (previous: Awaited<State>, data: FormData) => Promise<State>,
  initialState: Awaited<State>,
  { focusOrder, resetOnSuccess = false }: ActionFormOptions = {},
) {
  const [state, formAction, isPending] = useActionState<State, FormData>(action, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      return;
    }
    if (!focusOrder) return;
    const firstInvalid = focusOrder.find((field) => state.fieldErrors?.[field]?.length);
    const target = firstInvalid ? document.getElementById(fieldId(firstInvalid)) : alertRef.current;
    target?.focus();
  }, [state, focusOrder, resetOnSuccess]);

  // React resets an uncontrolled form after a form action, even one that returns a failure. Starting the
  // transition ourselves (React still reports the form as pending) keeps exactly what was typed on screen.
  // Without JavaScript the form posts normally through `formAction`.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return { state, formAction, isPending, onSubmit, formRef, alertRef };
}

/**
 * Props for each Field of a form that can stand several times on one page (one per checklist item): its name,
 * an id unique to this form, and the server's error for it.
 */
export function useFieldProps(fieldErrors: Record<string, string[]> | undefined) {
  const baseId = useId();
  return (name: string) => ({ name, id: `${baseId}-${name}`, error: fieldErrors?.[name] });
}
