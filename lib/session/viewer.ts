import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/session/options";
import type { Viewer } from "@/lib/auth/permissions";
import { sessionHolderEnd } from "@/lib/auth/session-policy";
import { getApiTokenGrant, hashApiToken } from "@/lib/db/api-tokens";
import { appLimiters } from "@/lib/db/rate-limits";
import { getSessionUser } from "@/lib/db/users";
import { tokenRefusal } from "@/lib/domain/api-tokens";
import { AppError } from "@/lib/errors";
import { signInHref } from "@/lib/routes";

/** The signed-in person for this request (once per request), or null when signed out or the session ended. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Who is asking is request-time data: never let a page that asks be prerendered at build time.
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  // The one query a signed-in request makes for its viewer also says whether the session was revoked.
  const user = await getSessionUser(id);
  if (!user || sessionHolderEnd({ epoch: session.epoch }, user.holder)) return null;
  return user.viewer;
});

/** For pages: the viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInHref(returnTo));
  return viewer;
}

/** For server actions: the viewer, or an UNAUTHENTICATED error the action turns into a message. */
export async function requireActionViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return viewer;
}

/**
 * For route handlers: a personal API token (Authorization: Bearer) or the browser session. A token must be
 * unexpired, within its per-minute limit, and WRITE-scoped for anything but reads.
 */
export async function requireApiViewer(request: Request): Promise<Viewer> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const grant = match?.[1] ? await getApiTokenGrant(hashApiToken(match[1])) : null;
    if (!grant) throw new AppError("UNAUTHENTICATED", "The API token is invalid or revoked");
    const refusal = tokenRefusal(grant, request.method, new Date());
    if (refusal === "EXPIRED") {
      throw new AppError("UNAUTHENTICATED", `The API token expired at ${grant.expiresAt.toISOString()}; create a new one`);
    }
    const limit = await appLimiters().apiToken.consume(grant.tokenId);
    if (!limit.allowed) {
      throw new AppError("TOO_MANY_REQUESTS", `Too many requests with this API token; retry in ${limit.retryAfterSeconds} s`, {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    if (refusal === "READ_ONLY") {
      throw new AppError("FORBIDDEN", "This API token may only read; create a token with read and write access to make changes");
    }
    return grant.viewer;
  }
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in or send a personal API token as 'Authorization: Bearer <token>'");
  return viewer;
}

export async function currentRequestId(): Promise<string | null> {
  return (await headers()).get("x-request-id");
}
