import { openApiDocument } from "@/lib/api/openapi";

// Public: the contract holds no data.
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
