import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { withSessionVerdict } from "@/lib/session/session-check";
import { sessionHolderEnd } from "@/lib/auth/session-policy";
import { isConnectionError } from "@/lib/db/availability";
import { getSessionUser } from "@/lib/db/users";
import { env } from "@/lib/env";

/**
 * In front of next-auth's session endpoint (`/api/auth/session`), which would otherwise renew any cookie it
 * can decrypt: a revoked session gets `{}` and a cleared cookie, never a fresh token.
 */
export async function renewSessionIfCurrent(request: NextRequest, renew: () => Promise<Response>): Promise<Response> {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  // No session, or one that does not decrypt or has expired: next-auth answers that itself.
  if (!token) return renew();
  try {
    const user = token.uid ? await getSessionUser(token.uid) : null;
    return await withSessionVerdict(sessionHolderEnd(token, user?.holder ?? null), renew);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    // Unknown, not ended: keep the cookie and let the client try again.
    return Response.json(
      { error: { code: "SERVICE_UNAVAILABLE", message: "The database cannot be reached. Try again shortly." } },
      { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
    );
  }
}
