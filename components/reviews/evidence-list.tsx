import { Badge } from "@/components/ui/badge";
import type { EvidenceDto } from "@/lib/db/review-dtos";
import { EvidenceRemoveButton } from "./evidence-remove-button";
import { EVIDENCE_KIND_LABELS, formatDateTime } from "./labels";

/** Only http(s) links become anchors, whatever is stored: rows may predate validation or come from other tools. */
export function isSafeHref(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

export type EvidenceListProps = {
  reviewId: string;
  evidence: readonly EvidenceDto[];
  canEdit: boolean;
};

export function EvidenceList({ reviewId, evidence, canEdit }: EvidenceListProps) {
  if (evidence.length === 0) return <p className="text-sm text-ink-muted">No evidence linked yet.</p>;
  return (
    <ul className="divide-y divide-line rounded-md border border-line">
      {evidence.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <Badge>{EVIDENCE_KIND_LABELS[item.kind]}</Badge>
            {isSafeHref(item.url) ? (
              <a
                href={item.url}
                target="_blank"
                rel="noopener noreferrer"
                className="break-all text-brand-700 underline underline-offset-2 hover:text-brand-900"
              >
                {item.title}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              <span className="break-all">
                {item.title} ({item.url})
              </span>
            )}
            <span className="text-ink-muted">
              added by {item.createdByEmail ?? "unknown"}, {formatDateTime(item.createdAt)}
            </span>
          </div>
          {canEdit ? <EvidenceRemoveButton reviewId={reviewId} evidenceId={item.id} title={item.title} /> : null}
        </li>
      ))}
    </ul>
  );
}
