import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireViewer } from "@/lib/auth/viewer";
import { getReviewView, type ReviewView } from "@/lib/db/reviews";
import { isAppError } from "@/lib/errors";
import { reviewHref } from "@/lib/routes";

// The review pages, their metadata and nested layouts ask for the same review; cache() makes that
// one read per request. A review that does not exist (or a malformed id) is a 404, not an error page.
export const loadReviewPage = cache(async (reviewId: string): Promise<ReviewView> => {
  const viewer = await requireViewer(reviewHref(reviewId));
  try {
    return await getReviewView(viewer, reviewId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
