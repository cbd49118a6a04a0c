"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Shown (and announced) while the form is submitting. */
  pendingLabel?: string;
};

/** A submit button for the enclosing <form>: disabled and relabelled while the action runs. */
export function SubmitButton({ pendingLabel = "Saving…", disabled, children, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <>
      <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
        {pending ? (
          <>
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" className="size-4 animate-spin">
              <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
              <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
            </svg>
            {pendingLabel}
          </>
        ) : (
          children
        )}
      </Button>
      <span role="status" className="sr-only">
        {pending ? pendingLabel : ""}
      </span>
    </>
  );
}
