import { apiRoute } from "@/lib/api/handler";
import { removeEvidence } from "@/lib/db/evidence";
import { otherMethods } from "@/lib/api/other-methods";

export const DELETE = apiRoute<{ id: string; evidenceId: string }>(async (_request, { viewer, params, requestId }) => {
  await removeEvidence({ viewer, requestId }, params.id, params.evidenceId);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
