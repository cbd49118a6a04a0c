import type { DueServicesPage } from "@/lib/db/quarterly-agenda";
import { plural } from "./labels";
import { SummaryFigures } from "./summary-figures";

export type MeetingSummaryProps = {
  agenda: Pick<DueServicesPage, "total" | "counts">;
  /** The agenda's shape and how far the meeting got, or the minutes' counts in words that read well on paper. */
  view: "agenda" | "minutes";
};

/** The meeting's counts in one row. They cover the whole agenda (every page), not the page on screen. */
export function MeetingSummary({ agenda: { total, counts }, view }: MeetingSummaryProps) {
  const recorded = counts.reviewed + counts.followUp;
  const figures: [string, string][] =
    view === "minutes"
      ? [
          ["Reviewed", String(counts.reviewed)],
          ["Follow-up", String(counts.followUp)],
          ["Not recorded", String(total - recorded)],
        ]
      : [
          ["Regressions", String(counts.regressions)],
          ["Waivers expiring", String(counts.expiringWaivers)],
          ["Triggers pending", String(counts.pendingTriggers)],
          ["Outcomes recorded", `${recorded} of ${total}`],
          ["Follow-ups", String(counts.followUp)],
        ];
  return (
    <SummaryFigures
      className={view === "minutes" ? "sm:grid-cols-4 print:grid-cols-4" : "sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6"}
      figures={[["On the agenda", plural(total, "service")], ...figures]}
    />
  );
}
