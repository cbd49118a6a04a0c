import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/lib/auth/viewer";

// The signed-in shell. Each page still calls requireViewer itself: a layout does not re-run on every
// navigation, so it is never the only check.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return <AppShell user={viewer}>{children}</AppShell>;
}
