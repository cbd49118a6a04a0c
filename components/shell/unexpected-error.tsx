"use client";

import { useEffect, useRef } from "react";
import { Logo } from "@/components/shell/logo";
import { Button, ButtonLink } from "@/components/ui/button";
import { SERVICES_PATH } from "@/lib/routes";

/** The server's digest of an error thrown while rendering: the key to the matching entry in the server log. */
export function errorDigest(error: unknown): string | null {
  return error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
}

/** What Next.js hands an error boundary (error.tsx, global-error.tsx). */
export type ErrorBoundaryProps = {
  error: unknown;
  retry: () => void;
};

export type UnexpectedErrorProps = ErrorBoundaryProps & {
  /**
   * Home by a full page load (for when the app shell itself failed) instead of a client navigation that
   * keeps the shell.
   */
  isFullReload?: boolean;
};

/**
 * What people see when a page fails unexpectedly. Never reveals the message or stack: only the digest, for
 * looking the error up in the server log. Focus moves to the heading so a screen reader says what happened.
 */
export function UnexpectedError({ error, retry, isFullReload = false }: UnexpectedErrorProps) {
  const digest = errorDigest(error);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="mx-auto w-full max-w-md rounded-lg border border-line bg-surface p-8 text-center shadow-sm">
      <Logo className="mx-auto size-12" />
      <h1 ref={headingRef} tabIndex={-1} className="mt-6 text-2xl font-semibold tracking-tight text-ink outline-none">
        Something went wrong
      </h1>
      <p className="mt-2 text-sm text-ink-muted">
        Shipshape hit an unexpected problem. Try again; if it keeps happening, contact your administrator
        {digest ? " and quote the reference below" : ""}.
      </p>
      {digest ? (
        <p className="mt-3 text-xs text-ink-muted">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button type="button" onClick={() => retry()}>
          Try again
        </Button>
        {isFullReload ? (
          // A plain anchor: a full reload is the point when the app shell is broken.
          <a
            href={SERVICES_PATH}
            className="inline-flex min-h-10 items-center rounded-md px-4 text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
          >
            Go to services
          </a>
        ) : (
          <ButtonLink href={SERVICES_PATH} variant="secondary">
            Go to services
          </ButtonLink>
        )}
      </div>
    </div>
  );
}
