import { SectionNav } from "@/components/shell/section-nav";

const ITEMS = [
  { href: "/settings/tokens", label: "API tokens" },
  { href: "/settings/sessions", label: "Sessions" },
] as const;

/** The personal settings' own sections, under the main navigation. */
export function SettingsNav() {
  return <SectionNav label="Settings" items={ITEMS} />;
}
