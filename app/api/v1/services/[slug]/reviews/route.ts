import { apiRoute, ok, readJson } from "@/lib/api/handler";
import { reviewJson } from "@/lib/api/serializers";
import { startReview } from "@/lib/db/reviews";
import { getReviewView } from "@/lib/db/review-view";
import { getServiceBySlug } from "@/lib/db/services";
import { AppError } from "@/lib/errors";
import { apiReviewHref } from "@/lib/routes";
import { createReviewBody } from "@/lib/schemas/api";
import { otherMethods } from "@/lib/api/other-methods";

export const POST = apiRoute<{ slug: string }>(async (request, { viewer, params, requestId }) => {
  const body = createReviewBody.parse(await readJson(request));
  const service = await getServiceBySlug(params.slug);
  if (!service) throw new AppError("NOT_FOUND", `No service with slug "${params.slug}"`);
  const started = await startReview({ viewer, requestId }, service.id, body);
  const view = await getReviewView(viewer, started.id);
  return ok(reviewJson(viewer, view), 201, { Location: apiReviewHref(started.id) });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
