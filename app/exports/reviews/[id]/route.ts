import { apiRoute } from "@/lib/api/handler";
import { todayUtc } from "@/lib/db/review-access";
import { getReviewReport } from "@/lib/db/review-report";
import { markdownFileName, reviewToMarkdown } from "@/lib/domain/review-markdown";

// One review as a Markdown file, e.g. to attach to a ticket or commit next to the service. Authenticated like
// the API (session cookie or personal API token); an unknown review is a 404 JSON error, never an empty file.

export const GET = apiRoute<{ id: string }>(async (_request, { viewer, params }) => {
  const report = await getReviewReport(viewer, params.id);
  // A decided review is named by its decision day, so exporting it twice gives the same file.
  const day = report.decidedAt?.slice(0, 10) ?? todayUtc();
  return new Response(reviewToMarkdown(report), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${markdownFileName(report.service.slug, day)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
