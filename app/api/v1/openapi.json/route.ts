import { openApiDocument } from "@/lib/api/openapi";
import { otherMethods } from "@/lib/api/other-methods";

// Public: the contract holds no data.
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
