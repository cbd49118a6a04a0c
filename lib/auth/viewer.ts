import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import type { Viewer } from "@/lib/auth/permissions";
import { getViewerByApiToken, hashApiToken } from "@/lib/db/api-tokens";
import { getViewerById } from "@/lib/db/users";
import { AppError } from "@/lib/errors";

/** The signed-in person for this request (once per request), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Who is asking is request-time data: never let a page that asks be prerendered at build time.
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  return id ? getViewerById(id) : null;
});

/** For pages: the viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return viewer;
}

/** For server actions: the viewer, or an UNAUTHENTICATED error the action turns into a message. */
export async function requireActionViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return viewer;
}

/** For route handlers: a personal API token (Authorization: Bearer) or the browser session. */
export async function requireApiViewer(request: Request): Promise<Viewer> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const viewer = match?.[1] ? await getViewerByApiToken(hashApiToken(match[1])) : null;
    if (!viewer) throw new AppError("UNAUTHENTICATED", "The API token is invalid or revoked");
    return viewer;
  }
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in or send a personal API token as 'Authorization: Bearer <token>'");
  return viewer;
}

export async function currentRequestId(): Promise<string | null> {
  return (await headers()).get("x-request-id");
}
