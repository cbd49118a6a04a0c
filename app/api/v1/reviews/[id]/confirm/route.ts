import { apiRoute, ok } from "@/lib/api/handler";
import { withStaleTagAs412 } from "@/lib/api/confirm-carried";
import { otherMethods } from "@/lib/api/other-methods";
import { parseIfMatchTag } from "@/lib/api/preconditions";
import { answerJson } from "@/lib/api/serializers";
import { confirmReview } from "@/lib/db/answer-confirmation";

/** Confirms every carried answer of the review that still waits, given the review's tag (`carryForward.tag`). */
export const POST = apiRoute<{ id: string }>(async (request, { viewer, params, requestId }) => {
  const expectedTag = parseIfMatchTag(request.headers);
  return withStaleTagAs412(async () => {
    const result = await confirmReview({ viewer, requestId }, params.id, expectedTag);
    return ok({ tag: result.tag, confirmed: result.confirmed.map((answer) => answerJson(viewer, answer)) }, 200, {
      ETag: `"${result.tag}"`,
    });
  });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
