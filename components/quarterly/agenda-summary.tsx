import type { DueServicesPage } from "@/lib/db/quarterly";
import { plural } from "./labels";

/** The agenda's shape in one line, and how far the meeting got. Counts cover the whole agenda, not the page. */
export function AgendaSummary({ agenda }: { agenda: Pick<DueServicesPage, "total" | "counts"> }) {
  const { total, counts } = agenda;
  const recorded = counts.reviewed + counts.followUp;
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6">
      {[
        ["On the agenda", plural(total, "service")],
        ["Regressions", String(counts.regressions)],
        ["Waivers expiring", String(counts.expiringWaivers)],
        ["Triggers pending", String(counts.pendingTriggers)],
        ["Outcomes recorded", `${recorded} of ${total}`],
        ["Follow-ups", String(counts.followUp)],
      ].map(([label, value]) => (
        <div key={label} className="rounded-lg border border-line bg-surface px-4 py-3">
          <dt className="text-xs font-medium text-ink-muted uppercase">{label}</dt>
          <dd className="text-lg font-semibold text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
