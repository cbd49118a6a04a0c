import { Badge } from "@/components/ui/badge";
import { Caption, HeaderRow, Table, TBody, TD, TR } from "@/components/ui/table";
import type { AdminUser } from "@/lib/db/admin-users";
import { ROLE_WORDS } from "@/lib/domain/words";
import { adminUserHref } from "@/lib/routes";
import { AdminRowLink } from "./row-link";

function UserStatus({ user }: { user: AdminUser }) {
  if (user.disabledAt) return <Badge tone="danger">Disabled</Badge>;
  if (user.isInvited) return <Badge tone="info">Invited</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export function UsersTable({ users, caption }: { users: readonly AdminUser[]; caption: string }) {
  return (
    <Table label="Users">
      <Caption srOnly>{caption}</Caption>
      <HeaderRow columns={["Name", "Email", "Role", "Teams", "Status"]} />
      <TBody>
        {users.map((user) => (
          <TR key={user.id}>
            <AdminRowLink href={adminUserHref(user.id)} name={user.name} action="edit" />
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
