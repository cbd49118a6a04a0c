import type { DueServicesPage } from "@/lib/db/quarterly-agenda";
import { plural } from "./labels";
import { SummaryFigures } from "./summary-figures";

/** The agenda's shape in one line, and how far the meeting got. Counts cover the whole agenda, not the page. */
export function AgendaSummary({ agenda }: { agenda: Pick<DueServicesPage, "total" | "counts"> }) {
  const { total, counts } = agenda;
  const recorded = counts.reviewed + counts.followUp;
  return (
    <SummaryFigures
      className="sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6"
      figures={[
        ["On the agenda", plural(total, "service")],
        ["Regressions", String(counts.regressions)],
        ["Waivers expiring", String(counts.expiringWaivers)],
        ["Triggers pending", String(counts.pendingTriggers)],
        ["Outcomes recorded", `${recorded} of ${total}`],
        ["Follow-ups", String(counts.followUp)],
      ]}
    />
  );
}
