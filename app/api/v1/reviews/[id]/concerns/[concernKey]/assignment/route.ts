import { apiError, apiRoute, ok, readJson } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/other-methods";
import { etag, parseIfMatchAssignmentVersion } from "@/lib/api/preconditions";
import { concernAssignmentJson } from "@/lib/api/serializers";
import { setConcernAssignment, type ConcernAssignmentDto } from "@/lib/db/concern-assignments";
import { isAppError } from "@/lib/errors";
import { concernAssignmentBody } from "@/lib/schemas/concern-assignment";
import { itemKeyInput } from "@/lib/schemas/review";

export const PUT = apiRoute<{ id: string; concernKey: string }>(async (request, { viewer, params, requestId }) => {
  const expectedVersion = parseIfMatchAssignmentVersion(request.headers);
  const body = concernAssignmentBody.parse(await readJson(request));
  const concernKey = itemKeyInput.parse(params.concernKey);
  try {
    const saved = await setConcernAssignment({ viewer, requestId }, params.id, concernKey, { ...body, expectedVersion });
    return ok(concernAssignmentJson(viewer, saved, saved.openItems), 200, { ETag: etag(saved.version) });
  } catch (error) {
    // A stale version is a failed precondition: answer with the assignment as it is now, never overwrite it.
    if (isAppError(error) && error.details?.reason === "STALE_VERSION") {
      const current = error.details.current as ConcernAssignmentDto;
      return apiError(412, "PRECONDITION_FAILED", error.message, { current: concernAssignmentJson(viewer, current, null) });
    }
    throw error;
  }
});

export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
