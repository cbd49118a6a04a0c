// What two replicas must agree on, checked by talking to each replica directly (not through nginx).
import { Cookies } from "./bench-server";
import { StackError } from "./podman";

async function sessionEmail(baseUrl: string, cookies: Cookies): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookies.header() } });
  if (!response.ok) throw new StackError(`GET ${baseUrl}/api/auth/session: HTTP ${response.status}`);
  const body = (await response.json()) as { user?: { email?: string } };
  return body.user?.email ?? null;
}

/** Signing out on replica A ends the session on replica B at once: the session epoch lives in Postgres. */
export async function signOutOnOneEndsSessionOnOther(replicaA: string, replicaB: string, cookies: Cookies, email: string): Promise<string> {
  const before = [await sessionEmail(replicaA, cookies), await sessionEmail(replicaB, cookies)];
  if (before.some((seen) => seen !== email))
    throw new StackError(`Both replicas should know the session before sign-out; saw ${before.join(", ")}`);
  const csrf = await fetch(`${replicaA}/api/auth/csrf`, { headers: { cookie: cookies.header() } });
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new StackError("GET /api/auth/csrf returned no csrfToken");
  const signOut = await fetch(`${replicaA}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: replicaA }),
    redirect: "manual",
  });
  await signOut.text();
  if (signOut.status >= 400) throw new StackError(`Sign-out on replica A: HTTP ${signOut.status}`);
  // The jar never took the sign-out response, so it still holds the session cookie: a stale or stolen copy must be
  // worthless on every replica.
  const after = await sessionEmail(replicaB, cookies);
  if (after !== null) throw new StackError(`Signed out on replica A, but replica B still knows the session of ${after}`);
  return "signed out on replica A → replica B refuses the old session cookie at once";
}

async function failedSignIn(baseUrl: string, email: string): Promise<number> {
  const cookies = new Cookies();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken: csrfToken ?? "", email, password: "not-the-password", json: "true" }),
    redirect: "manual",
  });
  await response.text();
  return response.status;
}

/** Failed sign-ins alternate between the replicas; the limit counts them together (rate_limits in Postgres). */
export async function signInLimitIsShared(replicaA: string, replicaB: string, email: string, limit: number): Promise<string> {
  const statuses: number[] = [];
  for (let i = 0; i < limit; i++) statuses.push(await failedSignIn(i % 2 === 0 ? replicaA : replicaB, email));
  if (statuses.includes(429)) throw new StackError(`Refused before the limit of ${limit}: ${statuses.join(", ")}`);
  const next = await failedSignIn(replicaA, email);
  if (next !== 429) throw new StackError(`Attempt ${limit + 1} (after ${limit / 2} on each replica) got HTTP ${next}, not 429`);
  return `${limit} failed sign-ins split ${limit / 2}/${limit / 2} over the replicas → attempt ${limit + 1} refused with 429`;
}
