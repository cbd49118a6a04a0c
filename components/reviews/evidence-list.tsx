import { Badge } from "@/components/ui/badge";
import type { EvidenceDto } from "@/lib/db/review-dtos";
import { normalizeHttpUrl } from "@/lib/domain/links";
import { EvidenceRemoveButton } from "./evidence-remove-button";
import { EVIDENCE_KIND_WORDS } from "@/lib/domain/words";
import { personText } from "@/lib/domain/people";
import { formatDateTime } from "@/lib/format/dates";

export type EvidenceListProps = {
  reviewId: string;
  evidence: readonly EvidenceDto[];
  canEdit: boolean;
};

export function EvidenceList({ reviewId, evidence, canEdit }: EvidenceListProps) {
  if (evidence.length === 0) return <p className="text-sm text-ink-muted">No evidence linked yet.</p>;
  return (
    <ul className="divide-y divide-line rounded-md border border-line">
      {evidence.map((item) => {
        // Only http(s) links become anchors, whatever is stored: rows may predate validation or come from other tools.
        const href = normalizeHttpUrl(item.url);
        return (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <Badge>{EVIDENCE_KIND_WORDS[item.kind]}</Badge>
              {href ? (
                <a
                  href={href}
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
              {item.linkHealth === "DEAD" ? (
                <Badge tone="danger" title={item.linkProblem ?? undefined}>
                  Dead link{item.linkCheckedAt ? `, checked ${formatDateTime(item.linkCheckedAt)}` : ""}
                  {item.linkProblem ? <span className="sr-only">: {item.linkProblem}</span> : null}
                </Badge>
              ) : null}
              <span className="text-ink-muted">
                added by {item.createdBy ? personText(item.createdBy) : "unknown"}, {formatDateTime(item.createdAt)}
              </span>
            </div>
            {canEdit ? <EvidenceRemoveButton reviewId={reviewId} evidenceId={item.id} title={item.title} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
