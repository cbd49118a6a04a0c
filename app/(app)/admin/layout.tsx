import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/session/viewer";

// Only the admin sub-navigation. Each page checks the admin right itself: a layout does not re-run on every
// navigation, so it must never be the check.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <>
      {viewer && can(viewer, { type: "admin" }) ? <AdminNav /> : null}
      {children}
    </>
  );
}
