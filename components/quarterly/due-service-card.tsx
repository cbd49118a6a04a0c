import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { MeetingOutcomeDto } from "@/lib/db/meeting-outcomes";
import type { DueService } from "@/lib/db/quarterly-agenda";
import { describeOutcome } from "./labels";
import { OutcomeForm } from "./outcome-form";
import { AgendaBadges, ServiceChange } from "./service-change";
import { TIER_WORDS } from "@/lib/domain/words";
import { quarterlyHref, serviceHref } from "@/lib/routes";
import { TextLink } from "@/components/ui/text-link";

export type OutcomeSectionProps = {
  quarter: string;
  service: Pick<DueService, "id" | "name">;
  outcome: MeetingOutcomeDto | null;
  canRecord: boolean;
  today: string;
  size?: "md" | "lg";
};

/** The outcome form for those who may record it; everyone else reads what was recorded. */
export function OutcomeSection({ quarter, service, outcome, canRecord, today, size }: OutcomeSectionProps) {
  if (canRecord) {
    return <OutcomeForm quarter={quarter} serviceId={service.id} serviceName={service.name} initial={outcome} today={today} size={size} />;
  }
  return (
    <div className="text-sm">
      <p className="font-medium text-ink">Outcome</p>
      <p className="text-ink-muted">
        {outcome ? describeOutcome(outcome) : "No outcome recorded yet."}
        {outcome?.note ? ` Note: ${outcome.note}` : ""}
      </p>
      <p className="mt-1 text-ink-muted">
        Approvers and admins from outside the owning team record the meeting&apos;s outcome, for the last eight quarters.
      </p>
    </div>
  );
}

export type DueServiceCardProps = Omit<OutcomeSectionProps, "service" | "size"> & { service: DueService; team: string };

/** One service on the agenda: why it is here, what changed, and the meeting's outcome. */
export function DueServiceCard({ service, team, ...section }: DueServiceCardProps) {
  const headingId = `service-${service.id}`;
  return (
    <Card>
      <article aria-labelledby={headingId}>
        <CardHeader>
          <div className="min-w-0">
            <CardTitle id={headingId}>
              <TextLink href={serviceHref(service.slug)}>{service.name}</TextLink>
            </CardTitle>
            <CardDescription>
              {service.team.name} · {TIER_WORDS[service.tier]}
            </CardDescription>
          </div>
          <TextLink
            href={quarterlyHref(section.quarter, "present", { team, i: service.position })}
            className="text-sm font-medium print:hidden"
          >
            Present from here<span className="sr-only">: {service.name}</span>
          </TextLink>
        </CardHeader>
        <CardContent className="space-y-4">
          <AgendaBadges service={service} />
          <ServiceChange service={service} />
          <div className="border-t border-line pt-4 print:hidden">
            <OutcomeSection service={service} {...section} />
          </div>
        </CardContent>
      </article>
    </Card>
  );
}
