"use client";

import { UnexpectedError, type ErrorBoundaryProps } from "@/components/shell/unexpected-error";

/**
 * An unexpected error on any signed-in page. It renders inside the signed-in layout, so the header and the
 * navigation stay usable; only the failed page is replaced.
 */
export default function SignedInError({ error, retry }: ErrorBoundaryProps) {
  return (
    <div className="py-8">
      <title>Something went wrong · Shipshape</title>
      <UnexpectedError error={error} retry={retry} />
    </div>
  );
}
