import { apiRoute, ok } from "@/lib/api/handler";
import { serviceDetailJson } from "@/lib/api/serializers";
import { getServiceBySlug } from "@/lib/db/services";
import { AppError } from "@/lib/errors";
import { otherMethods } from "@/lib/api/other-methods";

export const GET = apiRoute<{ slug: string }>(async (_request, { params }) => {
  const service = await getServiceBySlug(params.slug);
  if (!service) throw new AppError("NOT_FOUND", `No service with slug "${params.slug}"`);
  return ok(serviceDetailJson(service));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
