import { apiRoute, ok } from "@/lib/api/handler";
import { serviceJson } from "@/lib/api/serializers";
import { listServices } from "@/lib/db/services-table";
import { servicesQuery } from "@/lib/schemas/api";
import { otherMethods } from "@/lib/api/other-methods";

export const GET = apiRoute(async (request) => {
  const query = servicesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listServices({ q: query.q, team: query.team, tier: query.tier, page: query.page, pageSize: query.pageSize });
  return ok({ items: list.items.map(serviceJson), total: list.total, page: list.page, pageSize: list.pageSize, pageCount: list.pageCount });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
