import type { Viewer } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/db/api-tokens";
import { todayUtc } from "@/lib/db/review-access";
import { createService, createTeam, createViewer, ctxOf } from "@/lib/db/review-test-fixtures";
import { installDefaultTemplate } from "@/lib/db/templates";
import { defaultTokenExpiry } from "@/lib/domain/api-tokens";

// Integration tests call the /api/v1 route handlers directly: a Request with an API token, the params Next
// would pass, and a world of an owning team and another team, each with an editor holding a token.

export const API_TEST_BASE = "http://shipshape.test";

export type ApiRequestInit = { body?: unknown; headers?: Record<string, string>; raw?: string };

/** A request as a client sends it: the token as a bearer (none when null), a JSON body (or `raw` text). */
export function apiRequest(method: string, path: string, token: string | null, init: ApiRequestInit = {}): Request {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined || init.raw !== undefined) headers["content-type"] = "application/json";
  return new Request(`${API_TEST_BASE}${path}`, {
    method,
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

/** The second argument of a route handler. */
export const routeParams = <P>(p: P) => ({ params: Promise.resolve(p) });

export const readJson = async <T>(r: Response) => (await r.json()) as T;

/** A new API token of the viewer's, valid for the default time. */
export async function apiTokenFor(viewer: Viewer, scope: "READ" | "WRITE" = "WRITE"): Promise<string> {
  const { token } = await createApiToken(ctxOf(viewer), { name: "ci", scope, expiresOn: defaultTokenExpiry(todayUtc()) });
  return token;
}

/** The default template, a tier-3 service of a new team with an editor, and an editor of another team. */
export async function createApiWorld(label: string) {
  await installDefaultTemplate();
  const team = await createTeam(label);
  const other = await createTeam(`${label}-other`);
  const editor = await createViewer("EDITOR", [team.id]);
  const outsider = await createViewer("EDITOR", [other.id]);
  const service = await createService(team.id, 3);
  return { team, service, editor, outsider, token: await apiTokenFor(editor), outsiderToken: await apiTokenFor(outsider) };
}
