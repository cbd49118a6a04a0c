import type { DueServicesPage } from "@/lib/db/quarterly-agenda";
import { plural } from "./labels";
import { SummaryFigures } from "./summary-figures";

/** The minutes' counts over the whole agenda (every page), in words that read well on paper. */
export function MinutesSummary({ agenda }: { agenda: Pick<DueServicesPage, "total" | "counts"> }) {
  const { total, counts } = agenda;
  const notRecorded = total - counts.reviewed - counts.followUp;
  return (
    <SummaryFigures
      className="sm:grid-cols-4 print:grid-cols-4"
      figures={[
        ["On the agenda", plural(total, "service")],
        ["Reviewed", String(counts.reviewed)],
        ["Follow-up", String(counts.followUp)],
        ["Not recorded", String(notRecorded)],
      ]}
    />
  );
}
