import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { sessionVerdict } from "@/lib/session/session-check";
import { SessionEndedError, sessionTimeEnd, type SessionPolicy } from "@/lib/auth/session-policy";
import { env, isOidcConfigured, type Env } from "@/lib/env";
import { endSessionsOnSignOut, getSessionUser, getUserIdByOidcSubject, upsertOidcUser, verifyPassword } from "@/lib/db/users";
import { sameOriginPath } from "@/lib/domain/links";
import { logger } from "@/lib/observability/logger";

type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string };

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});

function oidcProvider(e: Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string }): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: e.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
      };
    },
  };
}

export function isCredentialsEnabled(e: Env = env()): boolean {
  return e.SHIPSHAPE_DEMO_MODE;
}

export function sessionPolicy(e: Env = env()): SessionPolicy {
  return { maxAgeSeconds: e.SESSION_MAX_AGE_MINUTES * 60, idleSeconds: e.SESSION_IDLE_TIMEOUT_MINUTES * 60 };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const providers: NextAuthOptions["providers"] = [];
  if (isOidcConfigured(e)) providers.push(oidcProvider(e));
  // Password sign-in exists only for demo and development data; real deployments sign in through OIDC.
  if (isCredentialsEnabled(e)) {
    providers.push(
      CredentialsProvider({
        id: "credentials",
        name: "Demo account",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const viewer = await verifyPassword(parsed.data.email, parsed.data.password);
          return viewer ? { id: viewer.id, email: viewer.email, name: viewer.name } : null;
        },
      }),
    );
  }
  const policy = sessionPolicy(e);
  cached = {
    secret: e.NEXTAUTH_SECRET,
    // The cookie and the token last as long as the idle timeout; activity renews them (up to the absolute
    // lifetime, which the JWT callback counts from the sign-in).
    session: { strategy: "jwt", maxAge: policy.idleSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    logger: {
      error: (code, metadata) => {
        // An ended session being refused is the expected outcome, not a fault.
        const isEnded = code === "JWT_SESSION_ERROR" && (metadata as { name?: unknown } | undefined)?.name === "SessionEndedError";
        if (isEnded) logger().info({ code, reason: (metadata as { message?: unknown }).message }, "session ended");
        else logger().error({ code, metadata }, "auth error");
      },
      warn: (code) => logger().warn({ code }, "auth warning"),
      debug: () => undefined,
    },
    events: {
      async signOut({ token }) {
        if (token?.uid && typeof token.epoch === "number") await endSessionsOnSignOut(token.uid, token.epoch, null);
      },
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return "/signin?error=EmailRequired";
        const viewer = await upsertOidcUser({
          subject: account.providerAccountId,
          email: user.email,
          name: user.name ?? user.email,
          defaultRole: e.SHIPSHAPE_DEFAULT_ROLE,
          adminEmails: e.SHIPSHAPE_ADMIN_EMAILS,
        });
        return viewer ? true : "/signin?error=AccountDisabled";
      },
      async jwt({ token, user, account }) {
        if (user) {
          const uid = account?.provider === "oidc" ? await getUserIdByOidcSubject(account.providerAccountId) : user.id;
          const holder = uid ? (await getSessionUser(uid))?.holder : undefined;
          if (!uid || !holder) throw new SessionEndedError("UNKNOWN_USER");
          return { ...token, uid, epoch: holder.sessionEpoch, authTime: nowSeconds() };
        }
        // Reading or renewing an existing session: pure checks here; the epoch is checked against the database
        // by the session endpoint's route handler (its verdict arrives here) and by every request's viewer lookup.
        const ended = sessionVerdict() ?? sessionTimeEnd(token, policy, nowSeconds());
        if (ended) throw new SessionEndedError(ended);
        return token;
      },
      async session({ session, token }) {
        if (token.uid) session.user = { ...session.user, id: token.uid };
        if (typeof token.epoch === "number") session.epoch = token.epoch;
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only ever send people back into Shipshape: resolved as the browser will (`/\host` and `/%09/host` leave).
        const path = sameOriginPath(url, baseUrl);
        return path ? new URL(path, baseUrl).href : baseUrl;
      },
    },
  };
  return cached;
}
