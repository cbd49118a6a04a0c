// The production server under test for `npm run bench`: build if needed, start, sign in, stop.
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { bin, run, start, waitForUrl } from "./run";

export class BenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchError";
  }
}

/** `next build` only when there is no build at all: rebuilding a stale one is the caller's decision. */
export async function ensureBuild(env: NodeJS.ProcessEnv): Promise<void> {
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("No production build (.next/BUILD_ID): running next build…");
  const code = await run(bin("next"), ["build"], env);
  if (code !== 0) throw new BenchError(`next build failed (exit ${code})`);
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new BenchError(`Port ${port} is in use: pass --port <free port>`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export type BenchServer = { baseUrl: string; stop: () => Promise<void> };

/** The production server's environment for a bench or fault run against `databaseUrl` on `port`. */
export function benchServerEnv(databaseUrl: string, port: number, logLevel = "warn"): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // A fresh secret per run: bench sessions must not outlive the bench.
    NEXTAUTH_SECRET: randomBytes(48).toString("base64url"),
    SHIPSHAPE_DEMO_MODE: "true",
    // The bench measures throughput with one token; the per-token limit would cap it at its own rate.
    API_LIMIT_PER_TOKEN: "1000000",
    LOG_LEVEL: logLevel,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** `extraEnv` goes on top of the bench environment (e.g. an OTLP endpoint to measure tracing's cost). */
export async function startServer(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string | undefined> = {},
): Promise<BenchServer> {
  await assertPortFree(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  // An undefined value removes that variable from the server's environment.
  const merged: Record<string, string | undefined> = { ...benchServerEnv(databaseUrl, port), ...extraEnv };
  const env = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
  await ensureBuild(env);
  const child: ChildProcess = start(process.execPath, ["--import", "tsx", "scripts/start.ts"], env);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // The server drains in-flight requests on SIGTERM; give it a bounded time before forcing.
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const up = await Promise.race([waitForUrl(`${baseUrl}/livez`, 90_000), exited.then(() => false)]);
  if (!up) {
    await stop();
    throw new BenchError(`The server did not answer ${baseUrl}/livez within 90 s (see its output above).`);
  }
  return { baseUrl, stop };
}

/** A minimal cookie jar: enough for next-auth's csrf and session cookies. */
export class Cookies {
  private readonly jar = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 1) continue;
      this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  has(fragment: string): boolean {
    return [...this.jar.keys()].some((name) => name.includes(fragment));
  }
  header(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Fetches a page like a signed-in browser would and reads the whole body; anything but 200 is an error. */
export async function getPage(baseUrl: string, pathname: string, cookies: Cookies): Promise<number> {
  const response = await fetch(`${baseUrl}${pathname}`, { headers: { cookie: cookies.header() }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) {
    const where = response.headers.get("location");
    const hint = response.status === 404 ? " (does the page exist yet?)" : where ? ` (redirected to ${where})` : "";
    throw new BenchError(`GET ${pathname} returned HTTP ${response.status}${hint}`);
  }
  return body.length;
}

/** Signs in through next-auth's credentials provider (demo mode), as the sign-in form does. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Cookies> {
  const cookies = new Cookies();
  await getPage(baseUrl, "/signin", cookies);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new BenchError("GET /api/auth/csrf returned no csrfToken");
  const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/services` });
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: form,
    redirect: "manual",
  });
  cookies.take(response);
  await response.text();
  if (!cookies.has("session-token")) {
    throw new BenchError(`Sign-in as ${email} failed (HTTP ${response.status}, no session cookie): is SHIPSHAPE_DEMO_MODE on?`);
  }
  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookies.header() } });
  const body = (await session.json()) as { user?: { email?: string } };
  if (body.user?.email !== email) throw new BenchError(`Signed in, but /api/auth/session does not know ${email}`);
  return cookies;
}
