import type { ReactNode } from "react";
import { loadHomeBadge } from "@/app/(app)/(home)/home-page-data";
import { AppShell } from "@/components/shell/app-shell";
import { sessionPolicy } from "@/lib/session/options";
import { requireViewer } from "@/lib/session/viewer";

// The signed-in shell. Each page still calls requireViewer itself: a layout does not re-run on every
// navigation, so it is never the only check.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  // Renewing at a tenth of the idle timeout (at most every five minutes) keeps an active session alive
  // without a request on every click.
  const renewEvery = Math.min(300, Math.max(10, Math.floor(sessionPolicy().idleSeconds / 10)));
  const homeBadge = await loadHomeBadge();
  return (
    <AppShell user={viewer} renewSessionEverySeconds={renewEvery} homeBadge={homeBadge}>
      {children}
    </AppShell>
  );
}
