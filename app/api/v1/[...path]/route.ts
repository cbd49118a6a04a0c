import { apiError } from "@/lib/api/handler";

// Unknown API paths answer in JSON like the rest of the API, not with the HTML 404 page.
function notFound(request: Request) {
  return apiError(404, "NOT_FOUND", `No API endpoint ${request.method} ${new URL(request.url).pathname}; see /api/v1/openapi.json`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
