import type { Metadata } from "next";
import { AgendaPager } from "@/components/quarterly/agenda-pager";
import { loadMeetingAgenda, quarterTitle, type MeetingPageProps } from "@/app/(app)/quarterly/[quarter]/meeting-page-data";
import { MeetingSummary } from "@/components/quarterly/meeting-summary";
import { MinutesTable } from "@/components/quarterly/minutes-table";
import { PrintableMeeting } from "@/components/quarterly/printable-meeting";
import { getMeetingOutcomes } from "@/lib/db/meeting-outcomes";
import { quarterlyHref } from "@/lib/routes";

export async function generateMetadata(props: MeetingPageProps): Promise<Metadata> {
  return { title: await quarterTitle(props, "Minutes") };
}

const PRINT_PAGE = "@page { size: A4; margin: 12mm; }";

export default async function MinutesPage(props: MeetingPageProps) {
  const { viewer, quarter, teams, team, agenda } = await loadMeetingAgenda(props, "minutes");
  const outcomes = await getMeetingOutcomes(
    viewer,
    quarter,
    agenda.rows.map((row) => row.id),
  );

  return (
    <PrintableMeeting
      name="Minutes"
      quarter={quarter}
      teams={teams}
      team={team}
      description="The outcome the meeting recorded for every service on the agenda."
      printPage={PRINT_PAGE}
      isEmpty={agenda.total === 0}
    >
      <MeetingSummary agenda={agenda} view="minutes" />
      <AgendaPager agenda={agenda} hrefFor={(page) => quarterlyHref(quarter, "minutes", { team, page })} />
      <MinutesTable quarter={quarter} rows={agenda.rows} outcomes={outcomes} />
    </PrintableMeeting>
  );
}
