import { apiRoute, ok, readJson } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/other-methods";
import { checkResultJson } from "@/lib/api/serializers";
import { latestCheckResults, recordPushedResults } from "@/lib/db/checks";
import { getServiceBySlug } from "@/lib/db/services";
import { AppError } from "@/lib/errors";
import { checkResultsBody } from "@/lib/schemas/checks";

// Automated check results of one service: a pipeline pushes many item results at once; anyone signed in reads the
// latest per item.
export const GET = apiRoute<{ slug: string }>(async (_request, { params }) => {
  const service = await getServiceBySlug(params.slug);
  if (!service) throw new AppError("NOT_FOUND", `No service with slug "${params.slug}"`);
  const latest = await latestCheckResults(service.id);
  return ok({ items: [...latest.values()].map(checkResultJson) });
});

export const POST = apiRoute<{ slug: string }>(async (request, { viewer, params, requestId }) => {
  const body = checkResultsBody.parse(await readJson(request));
  const { recorded } = await recordPushedResults({ viewer, requestId }, params.slug, body);
  return ok({ recorded }, 201);
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
