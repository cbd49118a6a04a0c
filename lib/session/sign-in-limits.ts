import { createHash } from "node:crypto";
import type { AppLimiters } from "@/lib/db/rate-limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address";

// Brute-force protection for password sign-in. Every attempt spends a point for its account and for its
// client address *before* the password is checked (so parallel guesses cannot all slip past a check), and a
// successful sign-in gives both back: only failures count towards the limit.

export type SignInLimiters = Pick<AppLimiters, "signInAccount" | "signInAddress">;
export type SignInAttempt = { email: string; address: string };

export const TOO_MANY_SIGN_INS = "TooManyAttempts";

function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/** Null when the attempt may go ahead; otherwise how long to wait. */
export async function beginSignIn(limiters: SignInLimiters, attempt: SignInAttempt): Promise<{ retryAfterSeconds: number } | null> {
  const results = await Promise.all([
    limiters.signInAccount.consume(accountKey(attempt.email)),
    limiters.signInAddress.consume(attempt.address),
  ]);
  const waits = results.flatMap((r) => (r.allowed ? [] : [r.retryAfterSeconds]));
  return waits.length > 0 ? { retryAfterSeconds: Math.max(...waits) } : null;
}

export async function signInSucceeded(limiters: SignInLimiters, attempt: SignInAttempt): Promise<void> {
  await Promise.all([limiters.signInAccount.refund(accountKey(attempt.email)), limiters.signInAddress.refund(attempt.address)]);
}

export function tooManySignInsMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return `Too many failed sign-in attempts. Wait ${wait} and try again.`;
}

/** The HTTP front sets the address; without it (e.g. `next dev`) every request shares one bucket. */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

function hasSessionCookie(response: Response): boolean {
  return response.headers.getSetCookie().some((cookie) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]/.test(cookie));
}

/**
 * Wraps next-auth's credentials callback: refused with 429 + Retry-After while the account or address is over
 * its limit, otherwise next-auth checks the password and a success is not counted.
 */
export async function limitCredentialsSignIn(
  request: Request,
  limiters: SignInLimiters,
  signIn: (request: Request) => Promise<Response>,
): Promise<Response> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  const attempt = { email: typeof email === "string" ? email : "", address: clientAddress(request.headers) };
  const refused = await beginSignIn(limiters, attempt);
  if (refused) {
    const message = tooManySignInsMessage(refused.retryAfterSeconds);
    // next-auth's client reads `url` (its error code) from a JSON body; `error` is the app's usual shape.
    const url = new URL(`/signin?error=${TOO_MANY_SIGN_INS}`, request.url).toString();
    return Response.json(
      { url, error: { code: "TOO_MANY_REQUESTS", message }, retryAfterSeconds: refused.retryAfterSeconds },
      { status: 429, headers: { "Retry-After": String(refused.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  const response = await signIn(request);
  if (hasSessionCookie(response)) await signInSucceeded(limiters, attempt);
  return response;
}
