import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/server/content-security-policy";

// Two jobs before a page renders. Every response gets a Content-Security-Policy with a fresh script nonce,
// which Next.js reads from the request's CSP header and puts on its own scripts. And, for convenience only, a
// visitor without a session cookie goes to sign-in and comes back afterwards: every page, action and route
// handler still checks the session itself; this is not the security boundary.

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Pages of the signed-in app: not sign-in, auth callbacks, the API, exports (token clients), probes or metrics.
const SIGNED_IN_PAGES = /^\/(?!signin(?:\/|$)|api\/|exports\/|livez$|readyz$|healthz$|metrics$)/;

function signInRedirect(request: NextRequest): NextResponse | null {
  if (!SIGNED_IN_PAGES.test(request.nextUrl.pathname)) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const url = request.nextUrl.clone();
  const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/signin";
  url.search = returnTo === "/" ? "" : `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return NextResponse.redirect(url);
}

export function proxy(request: NextRequest) {
  const isHttps = isHttpsRequest(request.headers.get("x-forwarded-proto"), env().NEXTAUTH_URL);
  const policy = contentSecurityPolicy({ nonce: createNonce(), isDevelopment: process.env.NODE_ENV === "development", isHttps });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = signInRedirect(request) ?? NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but build assets, which carry no markup to protect.
  matcher: ["/((?!_next/|favicon|robots).*)"],
};
