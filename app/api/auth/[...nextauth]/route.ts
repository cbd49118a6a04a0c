import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/session/options";
import { renewSessionIfCurrent } from "@/lib/session/session-refresh";
import { limitCredentialsSignIn } from "@/lib/session/sign-in-limits";
import { appLimiters } from "@/lib/db/rate-limits";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  const nextAuth = (req: Request) => NextAuth(req as never, context as never, authOptions()) as Promise<Response>;
  const action = (await context.params).nextauth.join("/");
  // Password sign-in is where guesses are tried: limited per account and per client address.
  if (request.method === "POST" && action === "callback/credentials") {
    return limitCredentialsSignIn(request, appLimiters(), nextAuth);
  }
  if (action === "session") return renewSessionIfCurrent(request, () => nextAuth(request));
  return nextAuth(request);
}

export { handler as GET, handler as POST };
