import { apiRoute, ok } from "@/lib/api/handler";
import { reviewJson } from "@/lib/api/serializers";
import { getReviewView } from "@/lib/db/review-view";
import { otherMethods } from "@/lib/api/other-methods";

export const GET = apiRoute<{ id: string }>(async (_request, { viewer, params }) => {
  return ok(reviewJson(viewer, await getReviewView(viewer, params.id)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
