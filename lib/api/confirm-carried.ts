import { apiError } from "@/lib/api/handler";
import { isAppError } from "@/lib/errors";

/**
 * Confirming a concern or a whole review names its tag; a stale one is 412 with the current tag and what waits now.
 * Any other error is rethrown for the route's usual mapping.
 */
export async function withStaleTagAs412(confirm: () => Promise<Response>): Promise<Response> {
  try {
    return await confirm();
  } catch (error) {
    if (isAppError(error) && error.details?.reason === "STALE_CONCERN") {
      return apiError(412, "PRECONDITION_FAILED", error.message, {
        current: { tag: error.details.currentTag, awaiting: error.details.awaiting },
      });
    }
    throw error;
  }
}
