"use client";

import { UnexpectedError } from "@/components/shell/unexpected-error";

type SignedInErrorProps = {
  error: unknown;
  retry: () => void;
};

/**
 * An unexpected error on any signed-in page. It renders inside the signed-in layout, so the header and the
 * navigation stay usable; only the failed page is replaced.
 */
export default function SignedInError({ error, retry }: SignedInErrorProps) {
  return (
    <div className="py-8">
      <title>Something went wrong · Shipshape</title>
      <UnexpectedError error={error} retry={retry} />
    </div>
  );
}
