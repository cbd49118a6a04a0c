import { Badge } from "@/components/ui/badge";
import type { WaiverDto } from "@/lib/db/review-dtos";
import { WAIVER_BADGES } from "./labels";
import { WaiverActions } from "./waiver-actions";
import { personText } from "@/lib/domain/people";
import { formatDate, formatDateTime } from "@/lib/format/dates";

export type WaiverListProps = {
  reviewId: string;
  waivers: readonly WaiverDto[];
  canApprove: boolean;
  /** By waiver id: why the viewer may not approve or reject it (four eyes). */
  refusals: Readonly<Record<string, string>>;
  canRevoke: boolean;
};

function expiryText(waiver: WaiverDto): string {
  if (waiver.isExpired) return `Expired on ${formatDate(waiver.expiresOn)}; it no longer counts`;
  if (waiver.isActive) return `Counts until ${formatDate(waiver.expiresOn)} (inclusive)`;
  return `Would expire on ${formatDate(waiver.expiresOn)}`;
}

/** Each waiver with its terms and status; an approved waiver past its expiry is shown as expired. */
export function WaiverList({ reviewId, waivers, canApprove, refusals, canRevoke }: WaiverListProps) {
  if (waivers.length === 0) return <p className="text-sm text-ink-muted">No waivers for this item.</p>;
  return (
    <ul className="space-y-3">
      {waivers.map((waiver) => {
        const badge = waiver.isExpired ? { label: "Expired", tone: "warning" as const } : WAIVER_BADGES[waiver.status];
        const isLive = waiver.status === "PENDING" || waiver.status === "APPROVED";
        const refusal = canApprove && waiver.status === "PENDING" ? (refusals[waiver.id] ?? null) : null;
        return (
          <li key={waiver.id} className="space-y-2 rounded-md border border-line p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={badge.tone}>{badge.label}</Badge>
              <span className="text-ink-muted">{expiryText(waiver)}</span>
            </div>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-ink">Reason</dt>
              <dd className="whitespace-pre-wrap">{waiver.reason}</dd>
              <dt className="font-medium text-ink">Compensating control</dt>
              <dd className="whitespace-pre-wrap">{waiver.compensatingControl}</dd>
              <dt className="font-medium text-ink">Risk owner</dt>
              <dd>{waiver.riskOwner}</dd>
              <dt className="font-medium text-ink">Requested by</dt>
              <dd>
                {waiver.requestedBy ? personText(waiver.requestedBy) : "unknown"}, {formatDateTime(waiver.createdAt)}
              </dd>
              {waiver.approvedBy ? (
                <>
                  <dt className="font-medium text-ink">Approved by</dt>
                  <dd>
                    {personText(waiver.approvedBy)}
                    {waiver.approvedAt ? `, ${formatDateTime(waiver.approvedAt)}` : ""}
                  </dd>
                </>
              ) : null}
            </dl>
            {isLive && (canApprove || canRevoke) ? (
              <WaiverActions
                reviewId={reviewId}
                waiverId={waiver.id}
                canDecide={canApprove && waiver.status === "PENDING" && refusal === null}
                canRevoke={canRevoke}
              />
            ) : null}
            {refusal ? <p className="text-ink-muted">{refusal}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
