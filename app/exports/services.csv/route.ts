import { NO_VERDICT_WORDS, VERDICT_WORDS } from "@/lib/domain/words";
import { apiRoute } from "@/lib/api/handler";
import { exportServicesTable, utcDay, type LevelVsTarget, type ServicesTableRow } from "@/lib/db/services-table";
import { toCsv, type CsvCell } from "@/lib/domain/csv";
import { parseServicesTableState } from "@/lib/schemas/services-table";

// The services table's current view as CSV: the same URL state, the same query, every page of it.
// Authenticated like the API (session cookie or personal API token), so scripts can pull it too.

const HEADERS = [
  "Service",
  "Slug",
  "Team",
  "Tier",
  "Level",
  "Target level",
  "Level vs target",
  "Last verdict",
  "Last decided (UTC)",
  "Next review due (UTC)",
  "Review overdue",
  "Open blockers",
  "Active waivers",
] as const;

const TARGET_WORDS: Record<LevelVsTarget, string> = { below: "Below target", met: "On target", above: "Above target" };

const day = (date: Date | null) => (date ? utcDay(date) : null);

function toRecord(row: ServicesTableRow): CsvCell[] {
  return [
    row.name,
    row.slug,
    row.team.name,
    row.tier,
    row.level,
    row.targetLevel,
    TARGET_WORDS[row.vsTarget],
    row.verdict ? VERDICT_WORDS[row.verdict] : NO_VERDICT_WORDS,
    day(row.lastDecidedAt),
    day(row.nextReviewDue),
    row.isOverdue ? "Yes" : "No",
    row.openBlockers,
    row.activeWaivers,
  ];
}

export const GET = apiRoute(async (request) => {
  const state = parseServicesTableState(new URL(request.url).searchParams);
  const now = new Date();
  const result = await exportServicesTable(state, { now });
  // The byte order mark makes Excel read the file as UTF-8, so names like "Zürich" survive.
  const body = `\uFEFF${toCsv(HEADERS, result.rows.map(toRecord))}`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="services-${utcDay(now)}.csv"`,
      "Cache-Control": "no-store",
      // Lets a script notice that a very large view was cut at the export limit.
      "X-Total-Count": String(result.total),
      "X-Truncated": String(result.isTruncated),
    },
  });
});
