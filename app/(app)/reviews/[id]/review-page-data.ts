import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireViewer } from "@/lib/session/viewer";
import { getReviewReport } from "@/lib/db/review-report";
import { getReviewView, type ReviewView } from "@/lib/db/reviews";
import type { ReviewReport } from "@/lib/domain/review-markdown";
import { isAppError } from "@/lib/errors";
import { reviewHref, reviewReportHref } from "@/lib/routes";

// The review pages, their metadata and nested layouts ask for the same review; cache() makes that
// one read per request. A review that does not exist (or a malformed id) is a 404, not an error page.

async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export const loadReviewPage = cache(async (reviewId: string): Promise<ReviewView> => {
  const viewer = await requireViewer(reviewHref(reviewId));
  return orNotFound(() => getReviewView(viewer, reviewId));
});

/** The review as a document; a decided review comes from its snapshot. */
export const loadReviewReport = cache(async (reviewId: string): Promise<ReviewReport> => {
  const viewer = await requireViewer(reviewReportHref(reviewId));
  return orNotFound(() => getReviewReport(viewer, reviewId));
});
