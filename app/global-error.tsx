"use client";

import "./globals.css";
import { Logo } from "@/components/shell/logo";
import { Button } from "@/components/ui/button";

type GlobalErrorProps = {
  error: unknown;
  retry: () => void;
};

/** Shown when the root layout itself fails. Never reveals the message or stack: only the digest, for log lookup. */
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink antialiased">
        <title>Something went wrong · Shipshape</title>
        <main id="main" className="flex min-h-screen items-center justify-center px-4 py-16">
          <div className="w-full max-w-md rounded-lg border border-line bg-surface p-8 text-center shadow-sm">
            <Logo className="mx-auto size-12" />
            <h1 className="mt-6 text-2xl font-semibold tracking-tight text-ink">Something went wrong</h1>
            <p className="mt-2 text-sm text-ink-muted">
              Shipshape hit an unexpected problem. Try again; if it keeps happening, contact your administrator.
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
              {/* A plain anchor: a full reload is the point when the app shell is broken. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a
                href="/services"
                className="inline-flex min-h-10 items-center rounded-md px-4 text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
              >
                Go to services
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
