import { apiRoute, ok } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/other-methods";
import { gateJson } from "@/lib/api/serializers";
import { getServiceGate } from "@/lib/db/gate";
import { gateQuery } from "@/lib/schemas/api";

// "May this ship?" for a release pipeline. With `strict`, a verdict that does not pass is a 409 carrying the same
// body, so `curl --fail` alone fails the job; without it the answer is always 200 and the body says.
export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const query = gateQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const body = gateJson(await getServiceGate(params.slug), query.strict);
  return ok(body, !body.pass && query.strict !== "false" ? 409 : 200);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
