import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AgendaFilters } from "@/components/quarterly/agenda-filters";
import { AgendaPager } from "@/components/quarterly/agenda-pager";
import { MeetingSummary } from "@/components/quarterly/meeting-summary";
import { DueServiceCard } from "@/components/quarterly/due-service-card";
import { asOfLabel } from "@/components/quarterly/labels";
import { loadMeetingAgenda, quarterTitle, type MeetingPageProps } from "@/app/(app)/quarterly/[quarter]/meeting-page-data";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getMeetingOutcomes } from "@/lib/db/meeting-outcomes";
import { todayUtc } from "@/lib/db/review-access";
import { meetingQuarters } from "@/lib/schemas/quarterly";
import { quarterlyHref } from "@/lib/routes";

export async function generateMetadata(props: MeetingPageProps): Promise<Metadata> {
  return { title: await quarterTitle(props, "Quarterly review") };
}

export default async function QuarterAgendaPage(props: MeetingPageProps) {
  const { viewer, quarter, search, teams, team, agenda } = await loadMeetingAgenda(props, "");
  if (agenda.rows.length === 0 && agenda.total > 0) redirect(quarterlyHref(quarter, "", { team, page: agenda.pageCount }));
  const outcomes = await getMeetingOutcomes(
    viewer,
    quarter,
    agenda.rows.map((row) => row.id),
  );
  const today = todayUtc();
  // Older quarters stay readable by URL; outcomes are recorded only for the quarters the picker offers.
  const isRecording = meetingQuarters(new Date()).includes(quarter);

  return (
    <>
      <PageHeader
        title={`Quarterly review ${quarter}`}
        description={`Services due as of ${asOfLabel(quarter, agenda.asOf)}: no decided review in the 90 days before, or a review trigger pending. Regressions first, then expiring waivers, pending triggers and the longest overdue.`}
        breadcrumbs={[{ label: "Quarterly review", href: "/quarterly" }, { label: quarter }]}
        actions={
          agenda.total > 0 ? (
            <>
              <ButtonLink href={quarterlyHref(quarter, "present", { team, i: agenda.rows[0]?.position ?? 0 })}>
                Start presenter mode
              </ButtonLink>
              <ButtonLink href={quarterlyHref(quarter, "agenda", { team, page: search.page })} variant="secondary">
                Print agenda
              </ButtonLink>
              <ButtonLink href={quarterlyHref(quarter, "minutes", { team, page: search.page })} variant="secondary">
                Minutes
              </ButtonLink>
            </>
          ) : null
        }
      />
      <AgendaFilters action={quarterlyHref(quarter, "")} teams={teams} team={team} />
      {agenda.total === 0 ? (
        <EmptyState
          title={`Nothing is due in ${quarter} — every service was reviewed in the last 90 days.`}
          description="No service has a review trigger pending either. Pick another quarter or team to look back."
          action={
            <ButtonLink href="/quarterly" variant="secondary">
              Pick another quarter
            </ButtonLink>
          }
        />
      ) : (
        <>
          <MeetingSummary agenda={agenda} view="agenda" />
          <AgendaPager agenda={agenda} hrefFor={(page) => quarterlyHref(quarter, "", { team, page })} />
          <ol className="space-y-4" aria-label={`Services due in ${quarter}`}>
            {agenda.rows.map((service) => (
              <li key={service.id}>
                <DueServiceCard
                  service={service}
                  quarter={quarter}
                  team={team}
                  outcome={outcomes.get(service.id) ?? null}
                  canRecord={isRecording && can(viewer, { type: "meeting:record-outcome", teamId: service.team.id })}
                  today={today}
                />
              </li>
            ))}
          </ol>
          <AgendaPager agenda={agenda} hrefFor={(page) => quarterlyHref(quarter, "", { team, page })} />
        </>
      )}
    </>
  );
}
