import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AdminUser } from "@/lib/db/admin-users";
import { ROLE_WORDS } from "@/lib/domain/words";
import { adminUserHref } from "@/lib/routes";

function UserStatus({ user }: { user: AdminUser }) {
  if (user.disabledAt) return <Badge tone="danger">Disabled</Badge>;
  if (user.isInvited) return <Badge tone="info">Invited</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export function UsersTable({ users, caption }: { users: readonly AdminUser[]; caption: string }) {
  return (
    <Table label="Users">
      <Caption srOnly>{caption}</Caption>
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Email</TH>
          <TH>Role</TH>
          <TH>Teams</TH>
          <TH>Status</TH>
        </TR>
      </THead>
      <TBody>
        {users.map((user) => (
          <TR key={user.id}>
            <TH scope="row">
              <Link href={adminUserHref(user.id)} className="text-brand-700 underline-offset-2 hover:underline">
                {user.name}
                <span className="sr-only"> (edit)</span>
              </Link>
            </TH>
            <TD className="break-all">{user.email}</TD>
            <TD>{ROLE_WORDS[user.role]}</TD>
            <TD>
              {user.teams.length === 0 ? (
                <span className="text-ink-muted">No teams</span>
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {user.teams.map((team) => (
                    <li key={team.id}>
                      <Badge>{team.name}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </TD>
            <TD>
              <UserStatus user={user} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
