import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireViewer } from "@/lib/session/viewer";
import { getReviewReport } from "@/lib/db/review-report";
import { getReviewView, type ReviewView } from "@/lib/db/reviews";
import type { ReviewReport } from "@/lib/domain/review-markdown";
import { isAppError } from "@/lib/errors";
import { latestCheckResults, listCheckBindings } from "@/lib/db/checks";
import { itemChecks, type ItemCheck } from "@/lib/domain/checks";
import type { TierTargets } from "@/lib/domain/targets";
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

/** The automated checks of an open review's bound items, as they stand now; a decided review shows what was decided instead. */
export const loadReviewChecks = cache(async (reviewId: string): Promise<ItemCheck[]> => {
  const view = await loadReviewPage(reviewId);
  if (view.review.status === "DECIDED" || view.review.status === "CANCELLED") return [];
  const bindings = await listCheckBindings();
  if (bindings.length === 0) return [];
  const now = new Date();
  const applicable = view.template.items.filter((item) => item.tiers.includes(view.evaluation.tier)).map((item) => item.key);
  return itemChecks(applicable, new Set(bindings.map((b) => b.itemKey)), await latestCheckResults(view.service.id, now), now);
});

/** What the answering workspace needs from the review, the same on a concern's page and on the page of every concern. */
export function workspaceProps(view: ReviewView, tierTargets: TierTargets) {
  const { review, evaluation, template } = view;
  return {
    reviewId: review.id,
    items: template.items,
    tier: evaluation.tier,
    tierTargets,
    today: evaluation.evaluatedOn,
    waivers: view.waivers,
    answers: view.answers,
  };
}
