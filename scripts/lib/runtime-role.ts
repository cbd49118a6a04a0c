import { createHash } from "node:crypto";

/**
 * The same database as `ownerUrl`, signed in as a runtime role of its own. Roles are shared by the whole
 * server, so the name comes from the database (parallel runs on separate databases never share a role), and
 * the password is derived from the URL, so a rerun signs in as the role an earlier run created.
 */
export function runtimeUrlFor(ownerUrl: string, name?: string, password?: string): string {
  const url = new URL(ownerUrl);
  const digest = (text: string) => createHash("sha256").update(text).digest("hex");
  url.username = name ?? `shipshape_app_${digest(`${url.host}${url.pathname}`).slice(0, 16)}`;
  url.password = password ?? digest(`runtime-role:${ownerUrl}`).slice(0, 32);
  return url.toString();
}
