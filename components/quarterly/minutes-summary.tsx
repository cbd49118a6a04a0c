import type { DueServicesPage } from "@/lib/db/quarterly";
import { plural } from "./labels";

/** The minutes' counts over the whole agenda (every page), in words that read well on paper. */
export function MinutesSummary({ agenda }: { agenda: Pick<DueServicesPage, "total" | "counts"> }) {
  const { total, counts } = agenda;
  const notRecorded = total - counts.reviewed - counts.followUp;
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4 print:grid-cols-4">
      {[
        ["On the agenda", plural(total, "service")],
        ["Reviewed", String(counts.reviewed)],
        ["Follow-up", String(counts.followUp)],
        ["Not recorded", String(notRecorded)],
      ].map(([label, value]) => (
        <div key={label} className="rounded-lg border border-line bg-surface px-4 py-3">
          <dt className="text-xs font-medium text-ink-muted uppercase">{label}</dt>
          <dd className="text-lg font-semibold text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
