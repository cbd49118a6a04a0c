import { apiError, apiRoute, ok, readJson } from "@/lib/api/handler";
import { etag, parseWritePrecondition } from "@/lib/api/preconditions";
import { answerJson } from "@/lib/api/serializers";
import { setAnswer } from "@/lib/db/answers";
import type { AnswerDto } from "@/lib/db/review-dtos";
import { isAppError } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { answerBody } from "@/lib/schemas/api";
import { otherMethods } from "@/lib/api/other-methods";
import { itemKeyInput } from "@/lib/schemas/review";

export const PUT = apiRoute<{ id: string; itemKey: string }>(async (request, { viewer, params, requestId }) => {
  const { expectedVersion } = parseWritePrecondition(request.headers);
  const body = answerBody.parse(await readJson(request));
  const itemKey = itemKeyInput.parse(params.itemKey);
  try {
    const answer = await setAnswer({ viewer, requestId }, params.id, itemKey, { ...body, expectedVersion });
    return ok(answerJson(viewer, answer), answer.version === 1 ? 201 : 200, { ETag: etag(answer.version) });
  } catch (error) {
    // A stale or missing version is a failed precondition: answer with what is there now, never overwrite it.
    if (isAppError(error) && error.details?.reason === "STALE_ANSWER") {
      metrics().answerConflicts.inc();
      const current = (error.details.current ?? null) as AnswerDto | null;
      return apiError(412, "PRECONDITION_FAILED", error.message, { current: current ? answerJson(viewer, current) : null });
    }
    throw error;
  }
});

export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
