import { apiRoute, ok } from "@/lib/api/handler";
import { serviceJson } from "@/lib/api/serializers";
import { listServices } from "@/lib/db/services";
import { listTeams } from "@/lib/db/teams";
import { servicesQuery } from "@/lib/schemas/api";

export const GET = apiRoute(async (request, { viewer }) => {
  const query = servicesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const teamId = query.team
    ? ((await listTeams()).find((t) => t.slug === query.team)?.id ?? "00000000-0000-0000-0000-000000000000")
    : undefined;
  const list = await listServices(viewer, { q: query.q, teamId, tier: query.tier, page: query.page, pageSize: query.pageSize });
  return ok({ items: list.items.map(serviceJson), total: list.total, page: list.page, pageSize: list.pageSize, pageCount: list.pageCount });
});
