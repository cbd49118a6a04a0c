// The Content-Security-Policy every page is served with, and when to add HSTS. Scripts run only with the
// per-request nonce (Next.js puts it on its own bootstrap and chunk scripts when it finds it in the request's
// CSP header); 'strict-dynamic' lets those scripts load the chunks they import. Styles keep 'unsafe-inline':
// charts set style attributes, which a nonce cannot cover, and a style cannot run code.

export type PolicyOptions = { nonce: string; isDevelopment: boolean; isHttps: boolean };

export function contentSecurityPolicy({ nonce, isDevelopment, isHttps }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // React in development reconstructs server error stacks with eval; production never needs it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  return btoa(crypto.randomUUID());
}

export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/**
 * Whether the browser reached Shipshape over https: the public URL says so, or the proxy in front terminated TLS.
 * Trusting X-Forwarded-Proto here is safe even without a trusted-proxy list: browsers ignore HSTS received over
 * plain http, so a forged header can only make a client tell itself what it already knows.
 */
export function isHttpsRequest(forwardedProto: string | null, publicUrl: string | undefined): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || (publicUrl?.toLowerCase().startsWith("https://") ?? false);
}
