import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { pageSummary, Pagination } from "@/components/ui/pagination";
import { ListSearch } from "@/components/admin/list-search";
import { UsersTable } from "@/components/admin/users-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { listUsersForAdmin } from "@/lib/db/admin-users";
import { ADMIN_PAGE_SIZE, adminUsersSearchParams, type AdminUsersSearch } from "@/lib/schemas/admin";
import { ROLE_WORDS } from "@/lib/domain/words";
import { ADMIN_USERS_PATH, adminUsersHref, INVITE_USER_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Users · Admin" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function usersHref(search: AdminUsersSearch, page = search.page): string {
  return adminUsersHref({ q: search.q, role: search.role, page });
}

export default async function AdminUsersPage({ searchParams }: PageProps) {
  const search = adminUsersSearchParams.parse(await searchParams);
  const viewer = await requireViewer(usersHref(search));
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const list = await listUsersForAdmin(viewer, { q: search.q, role: search.role, page: search.page, pageSize: ADMIN_PAGE_SIZE });
  const filterWords = [search.q ? `matching “${search.q}”` : "", search.role ? `with role ${ROLE_WORDS[search.role]}` : ""]
    .filter(Boolean)
    .join(" ");

  return (
    <>
      <AdminPageHeader
        title="Users"
        description="Everyone who can sign in to Shipshape: their role, their teams and whether their account is active."
        actions={<ButtonLink href={INVITE_USER_PATH}>Invite user</ButtonLink>}
      />
      <ListSearch action={ADMIN_USERS_PATH} label="Search users" placeholder="Name or email" q={search.q} role={search.role ?? null} />
      {list.total === 0 ? (
        <EmptyState title="No users match" description="Try another search, or clear it to see everyone." />
      ) : list.items.length === 0 ? (
        <EmptyState
          title="This page is empty"
          description={`There are ${list.total} users on ${list.pageCount} pages.`}
          action={<ButtonLink href={usersHref(search, 1)}>Go to the first page</ButtonLink>}
        />
      ) : (
        <section aria-label="Users in this view">
          <UsersTable users={list.items} caption={`Users${filterWords ? ` ${filterWords}` : ""}, page ${list.page} of ${list.pageCount}`} />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            summary={pageSummary(list.page, list.pageCount, list.total, "user")}
            hrefFor={(page) => usersHref(search, page)}
          />
        </section>
      )}
    </>
  );
}
