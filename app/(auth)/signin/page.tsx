import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { OidcButton } from "@/components/auth/oidc-button";
import { Logo } from "@/components/shell/logo";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { isCredentialsEnabled } from "@/lib/session/options";
import { getViewer } from "@/lib/session/viewer";
import { sameOriginPath } from "@/lib/domain/links";
import { env, isOidcConfigured } from "@/lib/env";
import { HOME_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "Sign-in was refused. Your account may be disabled.",
  AccountDisabled: "Your account is disabled. Ask a Shipshape admin to enable it.",
  EmailRequired: "Your identity provider did not share an email address, which Shipshape needs.",
  OAuthSignin: "Could not reach the identity provider. Try again.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
  SessionRequired: "Sign in to continue.",
};

/** Only same-origin paths may be returned to after sign-in, judged the way the browser will read them. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  // Any base does: only whether the target leaves it matters, and the result is a path.
  return (v && sameOriginPath(v, "http://shipshape.invalid")) || HOME_PATH;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const e = env();
  const errorCode = Array.isArray(params.error) ? params.error[0] : params.error;
  const error = errorCode ? (ERRORS[errorCode] ?? "Sign-in failed. Try again.") : null;
  const oidc = isOidcConfigured(e);
  const credentials = isCredentialsEnabled(e);

  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-canvas px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-center gap-2 text-ink">
          <Logo className="h-8 w-8" />
          <span className="text-2xl font-semibold">Shipshape</span>
        </div>
        <Card>
          <CardHeader>
            <CardTitle as="h1">Sign in</CardTitle>
          </CardHeader>
          <CardContent className="space-y-6">
            {error ? <Alert tone="danger">{error}</Alert> : null}
            {oidc ? <OidcButton label={e.OIDC_DISPLAY_NAME} callbackUrl={callbackUrl} /> : null}
            {oidc && credentials ? (
              <p className="text-center text-xs tracking-wide text-ink-muted uppercase">or use a demo account</p>
            ) : null}
            {credentials ? <CredentialsForm callbackUrl={callbackUrl} /> : null}
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
