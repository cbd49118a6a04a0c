import { Caption, HeaderRow, Table, TBody, TD, TR } from "@/components/ui/table";
import type { AdminTeam } from "@/lib/db/admin-teams";
import { adminTeamHref } from "@/lib/routes";
import { AdminRowLink } from "./row-link";

export function TeamsTable({ teams, caption }: { teams: readonly AdminTeam[]; caption: string }) {
  return (
    <Table label="Teams">
      <Caption srOnly>{caption}</Caption>
      <HeaderRow
        columns={["Name", "Slug", { label: "Members", className: "text-right" }, { label: "Services", className: "text-right" }]}
      />
      <TBody>
        {teams.map((team) => (
          <TR key={team.id}>
            <AdminRowLink href={adminTeamHref(team.id)} name={team.name} action="rename" />
            <TD className="font-mono">{team.slug}</TD>
            <TD className="text-right tabular-nums">{team.memberCount}</TD>
            <TD className="text-right tabular-nums">{team.serviceCount}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
