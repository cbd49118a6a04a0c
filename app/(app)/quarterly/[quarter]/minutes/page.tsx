import type { Metadata } from "next";
import { AgendaPager } from "@/components/quarterly/agenda-pager";
import { loadMeetingContext, quarterTitle, type MeetingPageProps } from "@/components/quarterly/meeting-page-data";
import { MinutesSummary } from "@/components/quarterly/minutes-summary";
import { MinutesTable } from "@/components/quarterly/minutes-table";
import { PrintButton } from "@/components/ui/print-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getMeetingOutcomes, listDueServices } from "@/lib/db/quarterly";
import { quarterlyHref } from "@/lib/schemas/quarterly";

export async function generateMetadata(props: MeetingPageProps): Promise<Metadata> {
  return { title: await quarterTitle(props, "Minutes") };
}

const PRINT_PAGE = "@page { size: A4; margin: 12mm; }";

export default async function MinutesPage(props: MeetingPageProps) {
  const { viewer, quarter, search, teams, team } = await loadMeetingContext(props, "minutes");
  const agenda = await listDueServices(viewer, quarter, { page: search.page, team: team || undefined });
  const outcomes = await getMeetingOutcomes(quarter, agenda.rows.map((row) => row.id));
  const teamName = teams.find((t) => t.slug === team)?.name;

  return (
    <>
      <style>{PRINT_PAGE}</style>
      <PageHeader
        title={`Minutes · Quarterly review ${quarter}`}
        description={`${teamName ?? "All teams"}. The outcome the meeting recorded for every service on the agenda.`}
        breadcrumbs={[{ label: "Quarterly review", href: "/quarterly" }, { label: quarter, href: quarterlyHref(quarter, "", { team }) }, { label: "Minutes" }]}
        actions={
          <>
            <PrintButton />
            <ButtonLink href={quarterlyHref(quarter, "", { team })} variant="secondary">
              Back to the meeting
            </ButtonLink>
          </>
        }
      />
      {agenda.total === 0 ? (
        <EmptyState title={`Nothing is due in ${quarter} — every service was reviewed in the last 90 days.`} />
      ) : (
        <>
          <MinutesSummary agenda={agenda} />
          <AgendaPager agenda={agenda} hrefFor={(page) => quarterlyHref(quarter, "minutes", { team, page })} />
          <MinutesTable quarter={quarter} rows={agenda.rows} outcomes={outcomes} />
        </>
      )}
    </>
  );
}
