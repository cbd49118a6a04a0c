import { apiError, apiRoute, ok } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/other-methods";
import { etag, parseIfMatchVersion } from "@/lib/api/preconditions";
import { answerJson } from "@/lib/api/serializers";
import { confirmAnswer } from "@/lib/db/answer-confirmation";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { isAppError } from "@/lib/errors";
import { itemKeyInput } from "@/lib/schemas/review";

export const POST = apiRoute<{ id: string; itemKey: string }>(async (request, { viewer, params, requestId }) => {
  const expectedVersion = parseIfMatchVersion(request.headers);
  const itemKey = itemKeyInput.parse(params.itemKey);
  try {
    const answer = await confirmAnswer({ viewer, requestId }, params.id, itemKey, expectedVersion);
    return ok(answerJson(viewer, answer), 200, { ETag: etag(answer.version) });
  } catch (error) {
    if (isAppError(error) && error.details?.reason === "STALE_ANSWER") {
      const current = (error.details.current ?? null) as AnswerDto | null;
      return apiError(412, "PRECONDITION_FAILED", error.message, { current: current ? answerJson(viewer, current) : null });
    }
    throw error;
  }
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
