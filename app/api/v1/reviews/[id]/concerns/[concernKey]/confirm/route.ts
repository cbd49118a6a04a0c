import { apiRoute, ok } from "@/lib/api/handler";
import { withStaleTagAs412 } from "@/lib/api/confirm-carried";
import { otherMethods } from "@/lib/api/other-methods";
import { parseIfMatchTag } from "@/lib/api/preconditions";
import { answerJson } from "@/lib/api/serializers";
import { confirmConcern } from "@/lib/db/answer-confirmation";
import { itemKeyInput } from "@/lib/schemas/review";

export const POST = apiRoute<{ id: string; concernKey: string }>(async (request, { viewer, params, requestId }) => {
  const expectedTag = parseIfMatchTag(request.headers);
  const concernKey = itemKeyInput.parse(params.concernKey);
  return withStaleTagAs412(async () => {
    const result = await confirmConcern({ viewer, requestId }, params.id, concernKey, expectedTag);
    return ok(
      { concern: result.concernKey, tag: result.tag, confirmed: result.confirmed.map((answer) => answerJson(viewer, answer)) },
      200,
      { ETag: `"${result.tag}"` },
    );
  });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
