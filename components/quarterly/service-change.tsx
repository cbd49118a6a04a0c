import { Badge } from "@/components/ui/badge";
import { LevelBadge } from "@/components/readiness/level-badge";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { DueService } from "@/lib/db/quarterly-agenda";
import { cn } from "@/lib/utils/cn";
import { daysSinceLabel, signed } from "./labels";
import { TRIGGER_WORDS } from "@/lib/domain/words";
import { formatDate } from "@/lib/format/dates";

// What the meeting needs to see about one service: why it is on the agenda and what changed since its previous
// decided review. Server-rendered; used by the agenda cards, presenter mode (large) and the printed agenda.

export function AgendaBadges({ service }: { service: DueService }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {service.change.isRegression ? <Badge tone="danger">Regression</Badge> : null}
      {service.expiringWaivers ? (
        <Badge tone="warning">
          Waiver expires {service.expiringWaivers.soonest}
          {service.expiringWaivers.count > 1 ? ` (+${service.expiringWaivers.count - 1} more)` : ""}
        </Badge>
      ) : null}
      {service.pendingTrigger ? <Badge tone="info">Trigger pending: {TRIGGER_WORDS[service.pendingTrigger]}</Badge> : null}
      {service.dueReason === null ? <Badge tone="success">Reviewed since</Badge> : null}
      <Badge tone="neutral">{daysSinceLabel(service.daysSinceReview)}</Badge>
    </div>
  );
}

function Arrow() {
  return (
    <span aria-hidden="true" className="text-ink-muted">
      →
    </span>
  );
}

function Delta({ label, delta, worseWhenUp }: { label: string; delta: number | null; worseWhenUp: boolean }) {
  if (delta === null) return null;
  const isWorse = worseWhenUp ? delta > 0 : delta < 0;
  const isBetter = worseWhenUp ? delta < 0 : delta > 0;
  return (
    <div>
      <dt className="text-ink-muted">{label}</dt>
      <dd className={cn("font-medium", isWorse && "text-nogo-ink", isBetter && "text-go-ink")}>
        {signed(delta)}
        <span className="sr-only">{isWorse ? " (worse)" : isBetter ? " (better)" : ""}</span>
      </dd>
    </div>
  );
}

export type ServiceChangeProps = { service: DueService; size?: "md" | "lg" };

/** Level and verdict before → after, open blockers and not-met deltas; "—" where there was no decided review. */
export function ServiceChange({ service, size = "md" }: ServiceChangeProps) {
  const { latest, previous, change } = service;
  const badgeSize = size === "lg" ? "md" : "sm";
  if (!latest) {
    return <p className={cn("text-ink-muted", size === "lg" ? "text-lg" : "text-sm")}>No decided review yet: nothing to compare.</p>;
  }
  return (
    <dl className={cn("grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4", size === "lg" ? "text-lg" : "text-sm")}>
      <div>
        <dt className="text-ink-muted">Level</dt>
        <dd className="flex flex-wrap items-center gap-1.5">
          {previous && previous.level !== null ? <LevelBadge level={previous.level} size={badgeSize} compact /> : <span>—</span>}
          <Arrow />
          {latest.level !== null ? <LevelBadge level={latest.level} size={badgeSize} compact /> : <span>—</span>}
          <span className="sr-only">{change.level.label}</span>
        </dd>
      </div>
      <div>
        <dt className="text-ink-muted">Verdict</dt>
        <dd className="flex flex-wrap items-center gap-1.5">
          {previous ? <VerdictBadge verdict={previous.verdict} size={badgeSize} /> : <span>—</span>}
          <Arrow />
          <VerdictBadge verdict={latest.verdict} size={badgeSize} />
          {change.verdict.direction === "stricter" ? <span className="sr-only">(stricter)</span> : null}
        </dd>
      </div>
      <Delta label="Open blockers" delta={change.openBlockersDelta} worseWhenUp />
      <Delta label="Not met" delta={change.notMetDelta} worseWhenUp />
      {change.openBlockersDelta === null ? (
        <div>
          <dt className="text-ink-muted">Open blockers</dt>
          <dd className="font-medium">{latest.openBlockers}</dd>
        </div>
      ) : null}
      <div className="col-span-2 sm:col-span-4">
        <dt className="sr-only">Decided</dt>
        <dd className="text-ink-muted">
          Latest decision {formatDate(latest.decidedAt)}
          {previous ? `, previous ${formatDate(previous.decidedAt)}` : ", the first one"}
        </dd>
      </div>
    </dl>
  );
}
