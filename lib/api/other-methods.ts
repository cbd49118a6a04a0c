import { apiError } from "@/lib/api/handler";

// Next answers a method a route does not export with an empty 405. API clients get the API's JSON error instead,
// with the Allow header saying what the path serves. A route exports these for the methods it does not serve.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof METHODS)[number];

export function otherMethods(...allowed: ApiMethod[]): Record<ApiMethod, () => Response> {
  const allow = allowed.join(", ");
  const notAllowed = () => {
    const response = apiError(405, "METHOD_NOT_ALLOWED", `This path serves ${allow} only`);
    response.headers.set("Allow", allow);
    return response;
  };
  return Object.fromEntries(METHODS.map((method) => [method, notAllowed])) as Record<ApiMethod, () => Response>;
}
