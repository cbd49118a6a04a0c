import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
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
import { OUTCOME_BADGES } from "./labels";
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

/** One checklist item: guidance, level and blocker badges, the answer, its evidence and its waivers. */
export function ItemCard({ reviewId, item, answer, waivers, outcome, permissions, today }: ItemCardProps) {
  const anchor = itemAnchor(item.key);
  const titleId = `${anchor}-title`;
  const outcomeBadge = OUTCOME_BADGES[outcome];
  const hasLiveWaiver = waivers.some((w) => w.status === "PENDING" || w.isActive);
  const mayRequestWaiver = permissions.canEdit && outcome !== "MET" && outcome !== "NA" && !isAnsweredAsMet(answer) && !hasLiveWaiver;

  return (
    <Card id={anchor} className="scroll-mt-24">
      <article aria-labelledby={titleId}>
        <div className="space-y-2 px-5 pt-5 pb-3">
          <div className="flex flex-wrap items-center gap-2">
            <LevelBadge level={item.level} />
            {item.isBlocker ? <Badge tone="danger">Blocker</Badge> : null}
            <Badge tone={outcomeBadge.tone}>{outcomeBadge.label}</Badge>
          </div>
          <h2 id={titleId} className="text-base font-semibold text-ink">
            {item.title}
          </h2>
          {item.guidance ? <p className="max-w-prose text-sm text-ink-muted">{item.guidance}</p> : null}
          {item.blockerRule ? (
            <p className="rounded-md border border-red-300 bg-nogo-soft px-3 py-2 text-sm text-nogo-ink">
              <strong>Blocker rule:</strong> {item.blockerRule}
            </p>
          ) : null}
        </div>
        <CardContent className="space-y-6">
          <CarriedAnswer reviewId={reviewId} itemTitle={item.title} answer={answer} canEdit={permissions.canEdit} />
          {permissions.canEdit ? (
            <AnswerForm reviewId={reviewId} itemKey={item.key} itemTitle={item.title} initial={answer} />
          ) : (
            <ReadOnlyAnswer answer={answer} />
          )}
          <section aria-labelledby={`${anchor}-evidence`} className="space-y-3">
            <h3 id={`${anchor}-evidence`} className="text-sm font-semibold text-ink">
              Evidence
            </h3>
            <EvidenceList reviewId={reviewId} evidence={answer?.evidence ?? []} canEdit={permissions.canEdit} />
            {permissions.canEdit ? (
              answer ? (
                <details className="rounded-md border border-line p-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Add evidence</summary>
                  <div className="mt-3">
                    <EvidenceForm reviewId={reviewId} itemKey={item.key} />
                  </div>
                </details>
              ) : (
                <p className="text-sm text-ink-muted">Save an answer first; evidence belongs to an answer.</p>
              )
            ) : null}
          </section>
          <section aria-labelledby={`${anchor}-waivers`} className="space-y-3">
            <h3 id={`${anchor}-waivers`} className="text-sm font-semibold text-ink">
              Waivers
            </h3>
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
          </section>
        </CardContent>
      </article>
    </Card>
  );
}
