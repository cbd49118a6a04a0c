import type { Metadata } from "next";
import { AgendaPager } from "@/components/quarterly/agenda-pager";
import { MeetingSummary } from "@/components/quarterly/meeting-summary";
import { AgendaTable } from "@/components/quarterly/agenda-table";
import { asOfLabel } from "@/components/quarterly/labels";
import { loadMeetingAgenda, quarterTitle, type MeetingPageProps } from "@/app/(app)/quarterly/[quarter]/meeting-page-data";
import { PrintableMeeting } from "@/components/quarterly/printable-meeting";
import { quarterlyHref } from "@/lib/routes";

export async function generateMetadata(props: MeetingPageProps): Promise<Metadata> {
  return { title: await quarterTitle(props, "Agenda") };
}

// Landscape gives the "what changed" column room on paper; the shell's print rules drop navigation and controls.
const PRINT_PAGE = "@page { size: A4 landscape; margin: 12mm; }";

export default async function PrintableAgendaPage(props: MeetingPageProps) {
  const { quarter, teams, team, agenda } = await loadMeetingAgenda(props, "agenda");

  return (
    <PrintableMeeting
      name="Agenda"
      quarter={quarter}
      teams={teams}
      team={team}
      description={`Services due as of ${asOfLabel(quarter, agenda.asOf)}, in meeting order.`}
      printPage={PRINT_PAGE}
      isEmpty={agenda.total === 0}
    >
      <MeetingSummary agenda={agenda} view="agenda" />
      <AgendaPager agenda={agenda} hrefFor={(page) => quarterlyHref(quarter, "agenda", { team, page })} />
      <AgendaTable quarter={quarter} rows={agenda.rows} />
    </PrintableMeeting>
  );
}
