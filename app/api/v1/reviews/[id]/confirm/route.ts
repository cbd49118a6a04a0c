import { apiError, apiRoute, ok } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/other-methods";
import { parseIfMatchTag } from "@/lib/api/preconditions";
import { answerJson } from "@/lib/api/serializers";
import { confirmReview } from "@/lib/db/answer-confirmation";
import { isAppError } from "@/lib/errors";

export const POST = apiRoute<{ id: string }>(async (request, { viewer, params, requestId }) => {
  const expectedTag = parseIfMatchTag(request.headers);
  try {
    const result = await confirmReview({ viewer, requestId }, params.id, expectedTag);
    return ok({ tag: result.tag, confirmed: result.confirmed.map((answer) => answerJson(viewer, answer)) }, 200, {
      ETag: `"${result.tag}"`,
    });
  } catch (error) {
    if (isAppError(error) && error.details?.reason === "STALE_CONCERN") {
      return apiError(412, "PRECONDITION_FAILED", error.message, {
        current: { tag: error.details.currentTag, awaiting: error.details.awaiting },
      });
    }
    throw error;
  }
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
