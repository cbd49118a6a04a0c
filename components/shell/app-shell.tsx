import Link from "next/link";
import type { ReactNode } from "react";
import { can, type Viewer } from "@/lib/auth/permissions";
import { ROLE_WORDS } from "@/lib/domain/words";
import { ADMIN_PATH, DOCS_PATH, HOME_PATH, PORTFOLIO_PATH, QUARTERLY_PATH, REVIEWS_PATH, SERVICES_PATH } from "@/lib/routes";
import { Logo } from "./logo";
import { NavLink, type NavBadge } from "./nav-link";
import { SessionKeepAlive } from "./session-keep-alive";
import { SignOutButton } from "./sign-out-button";

export type ShellUser = Viewer;

export type AppShellProps = {
  user: ShellUser;
  /** How often activity renews the session (seconds); a fraction of the idle timeout. */
  renewSessionEverySeconds: number;
  /** What waits for this person's decision, shown beside Home; null when nothing does or they decide nothing. */
  homeBadge?: NavBadge | null;
  children: ReactNode;
};

type NavItem = { href: string; label: string; exact?: boolean; badge?: NavBadge | null };

function navItems(user: ShellUser, homeBadge: NavBadge | null): NavItem[] {
  const items: NavItem[] = [
    // Every path is under "/", so Home is current only on itself.
    { href: HOME_PATH, label: "Home", exact: true, badge: homeBadge },
    { href: SERVICES_PATH, label: "Services" },
    { href: REVIEWS_PATH, label: "Reviews" },
    { href: PORTFOLIO_PATH, label: "Portfolio" },
    { href: QUARTERLY_PATH, label: "Quarterly" },
    { href: DOCS_PATH, label: "Docs" },
  ];
  if (can(user, { type: "admin" })) items.push({ href: ADMIN_PATH, label: "Admin" });
  return items;
}

export function AppShell({ user, renewSessionEverySeconds, homeBadge = null, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <SessionKeepAlive everySeconds={renewSessionEverySeconds} />
      <a
        href="#main"
        data-print="hide"
        className="fixed top-3 left-3 z-50 -translate-y-[200%] rounded-md bg-surface px-4 py-2 text-sm font-semibold text-brand-800 shadow-lg ring-2 ring-brand-600 focus:translate-y-0"
      >
        Skip to content
      </a>

      <header data-print="hide" className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
          <Link href={HOME_PATH} className="flex items-center gap-2 rounded-md text-lg font-semibold text-ink">
            <Logo />
            Shipshape
          </Link>

          <nav aria-label="Main" className="order-last w-full md:order-none md:w-auto">
            <ul className="flex flex-wrap items-center gap-1">
              {navItems(user, homeBadge).map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href} exact={item.exact} badge={item.badge}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>

          <div className="ml-auto flex items-center gap-3">
            <div className="min-w-0 text-right text-sm leading-tight">
              <p className="truncate font-medium text-ink">{user.name}</p>
              <p className="truncate text-ink-muted">
                <span className="sr-only">Role: </span>
                {ROLE_WORDS[user.role]}
                <span className="hidden sm:inline">
                  {" · "}
                  <span className="sr-only">Email: </span>
                  {user.email}
                </span>
              </p>
            </div>
            <Link href="/settings/tokens" className="rounded-md px-2 py-1 text-sm text-ink-muted hover:bg-slate-100 hover:text-ink">
              Settings
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
