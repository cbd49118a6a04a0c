import { SectionNav } from "@/components/shell/section-nav";

const ITEMS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/users", label: "Users", exact: false },
  { href: "/admin/teams", label: "Teams", exact: false },
  { href: "/admin/settings", label: "Tier targets", exact: false },
  { href: "/admin/templates", label: "Templates", exact: false },
  { href: "/admin/checks", label: "Automated checks", exact: false },
  { href: "/admin/jobs", label: "Jobs", exact: false },
] as const;

/** The admin area's own sections, under the main navigation. */
export function AdminNav() {
  return <SectionNav label="Admin" items={ITEMS} />;
}
