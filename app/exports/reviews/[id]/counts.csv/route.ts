import { apiRoute } from "@/lib/api/handler";
import { todayUtc } from "@/lib/db/review-access";
import { getReviewReport } from "@/lib/db/review-report";
import { csvFileName, reviewCountsCsv } from "@/lib/domain/review-csv";
import { markdownFileName } from "@/lib/domain/review-markdown";

// One review's per-concern counts as CSV, counted exactly as the overview and the report count them.
// Authenticated like the API; an unknown review is a 404 JSON error.

export const GET = apiRoute<{ id: string }>(async (_request, { viewer, params }) => {
  const report = await getReviewReport(viewer, params.id);
  const day = report.decidedAt?.slice(0, 10) ?? todayUtc();
  // The byte order mark makes Excel read the file as UTF-8.
  return new Response(`\uFEFF${reviewCountsCsv(report)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(markdownFileName(report.service.slug, day))}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
