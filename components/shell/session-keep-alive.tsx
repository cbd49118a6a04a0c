"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

// Sessions end after a stretch without activity. Pages are rendered on the server, which cannot renew the
// session cookie, so the signed-in shell renews it through next-auth's session endpoint whenever the person
// does something (navigates, clicks, types) — at most once per `everySeconds`. If the session has ended
// meanwhile (signed out elsewhere, disabled, expired), the person is taken to sign-in.

export function SessionKeepAlive({ everySeconds }: { everySeconds: number }) {
  const pathname = usePathname();
  const router = useRouter();
  const lastRenewal = useRef(0);

  useEffect(() => {
    const renew = () => {
      if (Date.now() - lastRenewal.current < everySeconds * 1000) return;
      lastRenewal.current = Date.now();
      fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
        .then(async (response) => {
          if (!response.ok) return;
          const session = (await response.json()) as { user?: unknown };
          if (!session.user) {
            const back = `${window.location.pathname}${window.location.search}`;
            router.replace(`/signin?callbackUrl=${encodeURIComponent(back)}`);
          }
        })
        // Offline or the server is restarting: the next activity tries again.
        .catch(() => undefined);
    };
    renew();
    window.addEventListener("pointerdown", renew);
    window.addEventListener("keydown", renew);
    return () => {
      window.removeEventListener("pointerdown", renew);
      window.removeEventListener("keydown", renew);
    };
  }, [pathname, everySeconds, router]);

  return null;
}
