import { apiRoute, ok, readJson } from "@/lib/api/handler";
import { addEvidence } from "@/lib/db/evidence";
import { evidenceBody } from "@/lib/schemas/api";
import { otherMethods } from "@/lib/api/other-methods";
import { itemKeyInput } from "@/lib/schemas/review";

export const POST = apiRoute<{ id: string; itemKey: string }>(async (request, { viewer, params, requestId }) => {
  const body = evidenceBody.parse(await readJson(request));
  const itemKey = itemKeyInput.parse(params.itemKey);
  const evidence = await addEvidence({ viewer, requestId }, params.id, itemKey, body);
  return ok(
    { id: evidence.id, url: evidence.url, title: evidence.title, kind: evidence.kind, createdAt: evidence.createdAt.toISOString() },
    201,
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
