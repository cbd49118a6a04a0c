import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env, isOidcConfigured, type Env } from "@/lib/env";
import { getUserIdByOidcSubject, upsertOidcUser, verifyPassword } from "@/lib/db/users";
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
  cached = {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    logger: {
      error: (code, metadata) => logger().error({ code, metadata }, "auth error"),
      warn: (code) => logger().warn({ code }, "auth warning"),
      debug: () => undefined,
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
        if (account?.provider === "oidc") token.uid = (await getUserIdByOidcSubject(account.providerAccountId)) ?? undefined;
        else if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        if (token.uid) session.user = { ...session.user, id: token.uid };
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
