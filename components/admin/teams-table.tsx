import Link from "next/link";
import { Caption, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AdminTeam } from "@/lib/db/admin-teams";
import { adminTeamHref } from "@/lib/routes";

export function TeamsTable({ teams, caption }: { teams: readonly AdminTeam[]; caption: string }) {
  return (
    <Table label="Teams">
      <Caption srOnly>{caption}</Caption>
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Slug</TH>
          <TH className="text-right">Members</TH>
          <TH className="text-right">Services</TH>
        </TR>
      </THead>
      <TBody>
        {teams.map((team) => (
          <TR key={team.id}>
            <TH scope="row">
              <Link href={adminTeamHref(team.id)} className="text-brand-700 underline-offset-2 hover:underline">
                {team.name}
                <span className="sr-only"> (rename)</span>
              </Link>
            </TH>
            <TD className="font-mono">{team.slug}</TD>
            <TD className="text-right tabular-nums">{team.memberCount}</TD>
            <TD className="text-right tabular-nums">{team.serviceCount}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
