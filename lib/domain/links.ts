// Links people type (evidence, a service's repository, runbook and dashboard) and places Shipshape sends a
// browser back to after sign-in. Pure: the same rules serve validation, rendering, exports and redirects.

// The text as typed must already read as an absolute http(s) URL, as the evidence table's CHECK demands.
// The WHATWG parser alone is too forgiving: it reads `http:\\evil.example`, `https:/x` and `http:x` as
// http(s) URLs, so a link could mean one thing to the browser and another to whoever reads it.
const ABSOLUTE_HTTP = /^https?:\/\//i;

/**
 * The normalised `URL.href` of an http(s) link, or null for anything else (javascript:, data:, relative or
 * scheme-relative text, a missing host). Store and render the returned value, never the raw input.
 */
export function normalizeHttpUrl(value: string): string | null {
  const text = value.trim();
  if (!ABSOLUTE_HTTP.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
  return url.href;
}

/**
 * Where to send the browser after sign-in: `target` resolved against `baseUrl` the way a browser would,
 * kept only when it stays on the base URL's origin. Returned as a path (with query and fragment), so
 * `/\evil.example`, `/%09/evil.example` and `https://evil.example` all come back as null.
 */
export function sameOriginPath(target: string, baseUrl: string): string | null {
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(baseUrl);
    resolved = new URL(target, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base.origin) return null;
  // `https://base//evil.example` stays on our origin, but its path alone would read as scheme-relative.
  return `${resolved.pathname.replace(/^\/+/, "/")}${resolved.search}${resolved.hash}`;
}
