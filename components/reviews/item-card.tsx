import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { LevelBadge } from "@/components/readiness/level-badge";
import type { AnswerDto, WaiverDto } from "@/lib/db/review-dtos";
import type { ReviewPermissions } from "@/lib/auth/permissions";
import type { TemplateItemDto } from "@/lib/db/templates";
import type { ItemOutcome } from "@/lib/domain/maturity";
import { isAnsweredAsMet } from "@/lib/domain/maturity";
import { AnswerForm } from "./answer-form";
import { CarriedAnswer } from "./carried-answer";
import { EvidenceForm } from "./evidence-form";
import { EvidenceList } from "./evidence-list";
import { ItemShell, LiveOutcomeBadge } from "./item-shell";
import { WaiverForm } from "./waiver-form";
import { WaiverList } from "./waiver-list";
import { ANSWER_WORDS } from "@/lib/domain/words";
import { formatDateTime } from "@/lib/format/dates";
import { itemAnchor } from "@/lib/routes";

export type ItemCardProps = {
  reviewId: string;
  item: TemplateItemDto;
  answer: AnswerDto | null;
  waivers: readonly WaiverDto[];
  outcome: ItemOutcome;
  permissions: ReviewPermissions;
  today: string;
};

function ReadOnlyAnswer({ answer }: { answer: AnswerDto | null }) {
  if (!answer) return <p className="text-sm text-ink-muted">Not answered yet.</p>;
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium text-ink">Answer</dt>
      <dd>{ANSWER_WORDS[answer.status]}</dd>
      {answer.status === "NOT_APPLICABLE" ? (
        <>
          <dt className="font-medium text-ink">Why it does not apply</dt>
          <dd className="whitespace-pre-wrap">{answer.naReason || "No reason given"}</dd>
        </>
      ) : null}
      {answer.note ? (
        <>
          <dt className="font-medium text-ink">Note</dt>
          <dd className="whitespace-pre-wrap">{answer.note}</dd>
        </>
      ) : null}
      <dt className="font-medium text-ink">Answered by</dt>
      <dd>
        {answer.answeredBy?.name ?? "unknown"}, {formatDateTime(answer.answeredAt)}
      </dd>
    </dl>
  );
}

/** A disclosure of the card: native details/summary, so it opens with Enter or Space and needs no script. */
function Disclosure({ summary, children, ...data }: { summary: string; children: ReactNode; "data-evidence"?: true }) {
  return (
    <details className="rounded-md border border-line px-3 py-1.5 open:basis-full" {...data}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{summary}</summary>
      <div className="mt-3 space-y-3">{children}</div>
    </details>
  );
}

function countText(n: number): string {
  return n === 0 ? "" : ` (${n})`;
}

/**
 * One checklist item, compact: title, level / blocker / outcome badges and the answer control. Guidance and the
 * blocker rule, the note, evidence and waivers open on demand.
 */
export function ItemCard({ reviewId, item, answer, waivers, outcome, permissions, today }: ItemCardProps) {
  const anchor = itemAnchor(item.key);
  const titleId = `${anchor}-title`;
  const hasLiveWaiver = waivers.some((w) => w.status === "PENDING" || w.isActive);
  const mayRequestWaiver = permissions.canEdit && outcome !== "MET" && outcome !== "NA" && !isAnsweredAsMet(answer) && !hasLiveWaiver;
  const evidence = answer?.evidence ?? [];
  const hasGuidance = Boolean(item.guidance || item.blockerRule);

  return (
    <ItemShell itemKey={item.key} anchor={anchor} titleId={titleId}>
      <div className="space-y-3 p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 id={titleId} className="min-w-0 flex-1 text-base font-semibold text-ink">
            {item.title}
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <LevelBadge level={item.level} />
            {item.isBlocker ? <Badge tone="danger">Blocker</Badge> : null}
            <LiveOutcomeBadge itemKey={item.key} initial={outcome} />
          </div>
        </div>
        <CarriedAnswer reviewId={reviewId} itemTitle={item.title} answer={answer} canEdit={permissions.canEdit} />
        {permissions.canEdit ? (
          <AnswerForm reviewId={reviewId} itemKey={item.key} itemTitle={item.title} initial={answer} />
        ) : (
          <ReadOnlyAnswer answer={answer} />
        )}
        <div className="flex flex-wrap items-start gap-2">
          {hasGuidance ? (
            <Disclosure summary={item.isBlocker ? "Guidance and blocker rule" : "Guidance"}>
              {item.guidance ? <p className="max-w-prose text-sm text-ink-muted">{item.guidance}</p> : null}
              {item.blockerRule ? (
                <p className="rounded-md border border-red-300 bg-nogo-soft px-3 py-2 text-sm text-nogo-ink">
                  <strong>Blocker rule:</strong> {item.blockerRule}
                </p>
              ) : null}
            </Disclosure>
          ) : null}
          <Disclosure summary={`Evidence${countText(evidence.length)}`} data-evidence>
            <EvidenceList reviewId={reviewId} evidence={evidence} canEdit={permissions.canEdit} />
            {permissions.canEdit ? (
              answer ? (
                <details data-add-evidence className="rounded-md border border-line p-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Add evidence</summary>
                  <div className="mt-3">
                    <EvidenceForm reviewId={reviewId} itemKey={item.key} />
                  </div>
                </details>
              ) : (
                <p className="text-sm text-ink-muted">Answer first; evidence belongs to an answer.</p>
              )
            ) : null}
          </Disclosure>
          {waivers.length > 0 || mayRequestWaiver ? (
            <Disclosure summary={`Waivers${countText(waivers.length)}`}>
              <WaiverList
                reviewId={reviewId}
                waivers={waivers}
                canApprove={permissions.canApproveWaivers}
                refusals={permissions.waiverRefusals}
                canRevoke={permissions.canRevokeWaivers}
              />
              {mayRequestWaiver ? (
                <details className="rounded-md border border-line p-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Request a waiver</summary>
                  <div className="mt-3">
                    <WaiverForm reviewId={reviewId} itemKey={item.key} today={today} />
                  </div>
                </details>
              ) : null}
            </Disclosure>
          ) : null}
        </div>
      </div>
    </ItemShell>
  );
}
