import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import type { MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import type { DueService } from "@/lib/db/quarterly-agenda";
import { MEETING_OUTCOME_WORDS } from "@/lib/domain/words";
import { formatDate, formatDateTime } from "@/lib/format/dates";

export type MinutesTableProps = {
  quarter: string;
  rows: DueService[];
  outcomes: ReadonlyMap<string, MeetingOutcomeDto>;
};

/** Every service on the agenda with what the meeting decided for it; a blank outcome says so in words. */
export function MinutesTable({ quarter, rows, outcomes }: MinutesTableProps) {
  return (
    <Table>
      <Caption srOnly>Minutes of the quarterly review {quarter}: the outcome recorded for each service</Caption>
      <HeaderRow columns={["Service", "Outcome", "Note", "Follow-up owner", "Follow-up due", "Recorded by"]} />
      <TBody>
        {rows.map((service) => {
          const outcome = outcomes.get(service.id);
          return (
            <TR key={service.id} className="align-top">
              <TH scope="row" className="align-top">
                <span className="block">{service.name}</span>
                <span className="block text-sm font-normal text-ink-muted">{service.team.name}</span>
              </TH>
              <TD className="align-top font-medium">
                {outcome ? MEETING_OUTCOME_WORDS[outcome.outcome] : <span className="text-ink-muted">Not recorded</span>}
              </TD>
              <TD className="align-top whitespace-pre-wrap">{outcome?.note || "—"}</TD>
              <TD className="align-top">{outcome?.followUpOwner ?? "—"}</TD>
              <TD className="align-top whitespace-nowrap">{outcome?.followUpDue ? formatDate(outcome.followUpDue) : "—"}</TD>
              <TD className="align-top">
                {outcome ? (
                  <>
                    <span className="block">{outcome.recordedBy?.name ?? "Unknown"}</span>
                    <span className="block text-sm text-ink-muted">{formatDateTime(outcome.recordedAt)}</span>
                  </>
                ) : (
                  "—"
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
