"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Without JavaScript the form falls back to next-auth's own sign-out page;
 * with it, we sign out in place and land on /signin.
 */
export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);

  return (
    <form
      action="/api/auth/signout"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        signOut({ callbackUrl: "/signin" }).catch(() => setPending(false));
      }}
    >
      <Button type="submit" variant="secondary" size="sm" disabled={pending} className={className}>
        {pending ? "Signing out…" : "Sign out"}
      </Button>
    </form>
  );
}
