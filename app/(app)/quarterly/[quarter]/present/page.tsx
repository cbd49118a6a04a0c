import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OutcomeSection } from "@/components/quarterly/due-service-card";
import { loadMeetingContext, quarterTitle, type MeetingPageProps } from "@/app/(app)/quarterly/[quarter]/meeting-page-data";
import { PresenterKeys } from "@/components/quarterly/presenter-keys";
import { PresenterNav } from "@/components/quarterly/presenter-nav";
import { AgendaBadges, ServiceChange } from "@/components/quarterly/service-change";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getMeetingOutcomes } from "@/lib/db/meeting-outcomes";
import { listDueServices } from "@/lib/db/quarterly-agenda";
import { todayUtc } from "@/lib/db/review-access";
import { meetingQuarters } from "@/lib/schemas/quarterly";
import { TIER_WORDS } from "@/lib/domain/words";
import { quarterlyHref, serviceHref } from "@/lib/routes";
import { TextLink } from "@/components/ui/text-link";

export async function generateMetadata(props: MeetingPageProps): Promise<Metadata> {
  return { title: await quarterTitle(props, "Presenter mode") };
}

export default async function PresenterPage(props: MeetingPageProps) {
  const { viewer, quarter, search, team } = await loadMeetingContext(props, "present");
  const i = search.i;
  // Older quarters stay readable by URL; outcomes are recorded only for the quarters the picker offers.
  const isRecording = meetingQuarters(new Date()).includes(quarter);
  // One service per "page": the database orders the whole agenda and hands back only the one at ?i=.
  const agenda = await listDueServices(quarter, { page: i + 1, pageSize: 1, team: team || undefined });
  if (agenda.total > 0 && i >= agenda.total) redirect(quarterlyHref(quarter, "present", { team, i: agenda.total - 1 }));
  const service = agenda.rows[0];
  const agendaHref = quarterlyHref(quarter, "", { team });
  if (!service) {
    return (
      <>
        <PageHeader title={`Presenter mode · ${quarter}`} />
        <EmptyState
          title={`Nothing is due in ${quarter} — every service was reviewed in the last 90 days.`}
          action={<ButtonLink href={agendaHref}>Back to the agenda</ButtonLink>}
        />
      </>
    );
  }
  const outcome = (await getMeetingOutcomes(viewer, quarter, [service.id])).get(service.id) ?? null;
  const previousHref = i > 0 ? quarterlyHref(quarter, "present", { team, i: i - 1 }) : null;
  const nextHref = i + 1 < agenda.total ? quarterlyHref(quarter, "present", { team, i: i + 1 }) : null;

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <PresenterKeys previousHref={previousHref} nextHref={nextHref} agendaHref={agendaHref} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <TextLink href={agendaHref} aria-keyshortcuts="Escape" className="font-medium">
          ← Back to the agenda<span className="sr-only"> (Escape)</span>
        </TextLink>
        <p className="text-ink-muted">
          Quarterly review {quarter} ·{" "}
          <span className="font-semibold text-ink">
            {i + 1} of {agenda.total}
          </span>
        </p>
      </div>
      <article aria-labelledby="presented-service" className="space-y-6">
        <header className="space-y-2">
          <p className="text-base text-ink-muted">
            {service.team.name} · {TIER_WORDS[service.tier]}
          </p>
          <h1 id="presented-service" className="text-4xl font-bold tracking-tight text-ink sm:text-5xl">
            <Link href={serviceHref(service.slug)} className="underline-offset-4 hover:underline">
              {service.name}
            </Link>
          </h1>
          <AgendaBadges service={service} />
        </header>
        <section aria-labelledby="what-changed" className="rounded-lg border border-line bg-surface p-6">
          <h2 id="what-changed" className="mb-4 text-xl font-semibold text-ink">
            What changed since the previous review
          </h2>
          <ServiceChange service={service} size="lg" />
        </section>
        <section aria-labelledby="meeting-outcome" className="rounded-lg border border-line bg-surface p-6">
          <h2 id="meeting-outcome" className="mb-4 text-xl font-semibold text-ink">
            The meeting&apos;s outcome
          </h2>
          {/* Keyed by service: stepping to the next one starts a fresh form instead of carrying state over. */}
          <OutcomeSection
            key={service.id}
            quarter={quarter}
            service={service}
            outcome={outcome}
            canRecord={isRecording && can(viewer, { type: "meeting:record-outcome", teamId: service.team.id })}
            today={todayUtc()}
            size="lg"
          />
        </section>
      </article>
      <PresenterNav previousHref={previousHref} nextHref={nextHref} position={i + 1} total={agenda.total} />
    </div>
  );
}
