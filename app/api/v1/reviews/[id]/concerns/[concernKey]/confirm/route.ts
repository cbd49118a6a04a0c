import { apiError, apiRoute, ok } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/other-methods";
import { parseIfMatchTag } from "@/lib/api/preconditions";
import { answerJson } from "@/lib/api/serializers";
import { confirmConcern } from "@/lib/db/answer-confirmation";
import { isAppError } from "@/lib/errors";
import { itemKeyInput } from "@/lib/schemas/review";

export const POST = apiRoute<{ id: string; concernKey: string }>(async (request, { viewer, params, requestId }) => {
  const expectedTag = parseIfMatchTag(request.headers);
  const concernKey = itemKeyInput.parse(params.concernKey);
  try {
    const result = await confirmConcern({ viewer, requestId }, params.id, concernKey, expectedTag);
    return ok(
      { concern: result.concernKey, tag: result.tag, confirmed: result.confirmed.map((answer) => answerJson(viewer, answer)) },
      200,
      { ETag: `"${result.tag}"` },
    );
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
