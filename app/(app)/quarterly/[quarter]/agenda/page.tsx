import type { Metadata } from "next";
import { AgendaPager } from "@/components/quarterly/agenda-pager";
import { AgendaSummary } from "@/components/quarterly/agenda-summary";
import { AgendaTable } from "@/components/quarterly/agenda-table";
import { asOfLabel } from "@/components/quarterly/labels";
import { loadMeetingContext, quarterTitle, type MeetingPageProps } from "@/components/quarterly/meeting-page-data";
import { PrintButton } from "@/components/ui/print-button";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listDueServices } from "@/lib/db/quarterly";
import { quarterlyHref } from "@/lib/schemas/quarterly";

export async function generateMetadata(props: MeetingPageProps): Promise<Metadata> {
  return { title: await quarterTitle(props, "Agenda") };
}

// Landscape gives the "what changed" column room on paper; the shell's print rules drop navigation and controls.
const PRINT_PAGE = "@page { size: A4 landscape; margin: 12mm; }";

export default async function PrintableAgendaPage(props: MeetingPageProps) {
  const { viewer, quarter, search, teams, team } = await loadMeetingContext(props, "agenda");
  const agenda = await listDueServices(viewer, quarter, { page: search.page, team: team || undefined });
  const teamName = teams.find((t) => t.slug === team)?.name;

  return (
    <>
      <style>{PRINT_PAGE}</style>
      <PageHeader
        title={`Agenda · Quarterly review ${quarter}`}
        description={`${teamName ?? "All teams"}. Services due as of ${asOfLabel(quarter, agenda.asOf)}, in meeting order.`}
        breadcrumbs={[{ label: "Quarterly review", href: "/quarterly" }, { label: quarter, href: quarterlyHref(quarter, "", { team }) }, { label: "Agenda" }]}
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
          <AgendaSummary agenda={agenda} />
          <AgendaPager agenda={agenda} hrefFor={(page) => quarterlyHref(quarter, "agenda", { team, page })} />
          <AgendaTable quarter={quarter} rows={agenda.rows} />
        </>
      )}
    </>
  );
}
