import { NavLink } from "@/components/shell/nav-link";

export type SectionNavItem = { href: string; label: string; exact?: boolean };

/** An area's own sections (admin, settings), under the main navigation. */
export function SectionNav({ label, items }: { label: string; items: readonly SectionNavItem[] }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-line pb-3" data-print="hide">
      <ul className="flex flex-wrap items-center gap-1">
        {items.map((item) => (
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
