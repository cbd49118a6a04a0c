import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { DueService } from "@/lib/db/quarterly-agenda";
import { AgendaBadges, ServiceChange } from "./service-change";
import { TIER_WORDS } from "@/lib/domain/words";

export type AgendaTableProps = { quarter: string; rows: DueService[] };

/** The printable agenda: one row per service in meeting order, with why it is here and what changed. */
export function AgendaTable({ quarter, rows }: AgendaTableProps) {
  return (
    <Table>
      <Caption srOnly>Agenda of the quarterly review {quarter}, in meeting order</Caption>
      <HeaderRow
        columns={[{ label: "#", className: "w-12" }, "Service", "Why it is on the agenda", "What changed since the previous review"]}
      />
      <TBody>
        {rows.map((service) => (
          <TR key={service.id} className="align-top">
            <TD className="align-top tabular-nums">{service.position + 1}</TD>
            <TH scope="row" className="align-top">
              <span className="block">{service.name}</span>
              <span className="block text-sm font-normal text-ink-muted">
                {service.team.name} · {TIER_WORDS[service.tier]}
              </span>
            </TH>
            <TD className="align-top">
              <AgendaBadges service={service} />
            </TD>
            <TD className="align-top">
              <ServiceChange service={service} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
