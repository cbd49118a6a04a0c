import { NextResponse, type NextRequest } from "next/server";

// Convenience only: a visitor without a session cookie goes to sign-in and comes back afterwards.
// Every page, action and route handler still checks the session itself; this is not the security boundary.

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  const returnTo = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/signin";
  url.search = returnTo === "/" ? "" : `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages of the signed-in app only: not sign-in, auth callbacks, the API, exports (token clients), probes,
  // metrics or static files.
  matcher: ["/((?!signin|api/|exports/|livez|readyz|healthz|metrics|_next/|favicon|robots).*)"],
};
