"use client";

import "./globals.css";
import { UnexpectedError, type ErrorBoundaryProps } from "@/components/shell/unexpected-error";

/** Shown when the root layout itself fails, so it brings its own document. */
export default function GlobalError({ error, retry }: ErrorBoundaryProps) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink antialiased">
        <title>Something went wrong · Shipshape</title>
        <main id="main" className="flex min-h-screen items-center justify-center px-4 py-16">
          <UnexpectedError error={error} retry={retry} isFullReload />
        </main>
      </body>
    </html>
  );
}
