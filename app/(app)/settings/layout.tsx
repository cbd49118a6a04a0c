import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";

// Only the sub-navigation; each page checks the session itself.
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsNav />
      {children}
    </>
  );
}
