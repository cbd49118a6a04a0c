import { NavLink } from "@/components/shell/nav-link";

const ITEMS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/users", label: "Users", exact: false },
  { href: "/admin/teams", label: "Teams", exact: false },
  { href: "/admin/settings", label: "Tier targets", exact: false },
  { href: "/admin/templates", label: "Templates", exact: false },
] as const;

/** The admin area's own sections, under the main navigation. */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="mb-6 border-b border-line pb-3" data-print="hide">
      <ul className="flex flex-wrap items-center gap-1">
        {ITEMS.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href} exact={item.exact}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
