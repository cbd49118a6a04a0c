import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

// Every request Shipshape makes on its own (health probes, evidence link checks, webhooks) goes through here:
// http(s) only, a hard deadline, a bounded body, no redirect to another host, and no private, loopback or link-local
// address unless OUTBOUND_ALLOWLIST names it. The address is checked where the socket connects (the lookup hook),
// so a name that resolves to a public address when checked and a private one when used (DNS rebinding) is refused
// too. IP literals skip DNS, so they are checked before the request is made.

export type OutboundOptions = {
  method?: "GET" | "HEAD" | "POST";
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Bytes of the body kept; the rest is discarded unread. */
  maxBodyBytes?: number;
  /** Redirects followed on the same host; one to another host is never followed. */
  maxRedirects?: number;
  allowlist: OutboundAllowlist;
};

export type OutboundResponse = {
  status: number;
  contentType: string | null;
  body: string;
  /** The URL that answered, after same-host redirects. */
  url: string;
  elapsedMs: number;
};

export type OutboundFailureKind = "refused" | "timeout" | "network" | "redirect" | "invalid-url";

/** Why a request never got a final answer; the message is fit to show to an admin. */
export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  PRIVATE.addSubnet(net, prefix, "ipv6");
}

/** OUTBOUND_ALLOWLIST: host names, addresses and CIDR ranges that may be reached even though they are private. */
export type OutboundAllowlist = { hosts: ReadonlySet<string>; addresses: BlockList; entries: readonly string[] };

export function parseAllowlist(value: string | undefined): OutboundAllowlist {
  const addresses = new BlockList();
  const hosts = new Set<string>();
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (family && prefix !== undefined) addresses.addSubnet(address ?? "", Number(prefix), family === 6 ? "ipv6" : "ipv4");
    else if (family) addresses.addAddress(address ?? "", family === 6 ? "ipv6" : "ipv4");
    else hosts.add(entry.replace(/\.$/, ""));
  }
  return { hosts, addresses, entries };
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:10.0.0.1), which must be judged as IPv4. */
function unmapped(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

export function isPrivateAddress(address: string): boolean {
  const { address: plain, family } = unmapped(address);
  return PRIVATE.check(plain, family);
}

function refusal(host: string, address: string, allowlist: OutboundAllowlist): string | null {
  if (allowlist.hosts.has(host)) return null;
  const { address: plain, family } = unmapped(address);
  if (!PRIVATE.check(plain, family) || allowlist.addresses.check(plain, family)) return null;
  return `${host} is a private, loopback or link-local address (${plain}); add it to OUTBOUND_ALLOWLIST to allow it`;
}

function guardedLookup(host: string, allowlist: OutboundAllowlist): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      // Every address the name has must be allowed: the socket may try any of them.
      for (const { address } of found) {
        const refused = refusal(host, address, allowlist);
        if (refused) return callback(new OutboundError("refused", refused), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
      const first = found[0];
      if (!first) return callback(new OutboundError("network", `${hostname} has no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("invalid-url", "Not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new OutboundError("invalid-url", "Only http:// and https:// links can be checked");
  if (url.username || url.password) throw new OutboundError("invalid-url", "Links with a user name or password are not requested");
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();

function once(url: URL, options: OutboundOptions, signal: AbortSignal): Promise<{ response: IncomingMessage; body: string }> {
  const host = hostOf(url);
  if (isIP(host)) {
    const refused = refusal(host, host, options.allowlist);
    if (refused) return Promise.reject(new OutboundError("refused", refused));
  }
  const client = url.protocol === "https:" ? https : http;
  const maxBytes = options.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method ?? "GET",
        headers: { "user-agent": "Shipshape (readiness checks)", ...options.headers },
        lookup: guardedLookup(host, options.allowlist),
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept >= maxBytes) return;
          chunks.push(chunk.subarray(0, maxBytes - kept));
          kept += chunk.length;
          if (kept >= maxBytes) response.destroy();
        });
        const done = () => resolve({ response, body: Buffer.concat(chunks).toString("utf8") });
        response.on("end", done);
        response.on("close", done);
        response.on("error", (error) => (kept >= maxBytes ? done() : reject(error)));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

function describe(error: unknown, timeoutMs: number, signal: AbortSignal): OutboundError {
  if (error instanceof OutboundError) return error;
  if (signal.aborted) return new OutboundError("timeout", `No answer within ${timeoutMs} ms`);
  const cause = error as { code?: string; message?: string };
  if (cause.code === "ENOTFOUND") return new OutboundError("network", "The host name does not resolve");
  if (cause.code === "ECONNREFUSED") return new OutboundError("network", "The connection was refused");
  return new OutboundError("network", cause.code ? `${cause.code}: ${cause.message ?? ""}`.trim() : (cause.message ?? "Request failed"));
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One request under the rules above; throws OutboundError when there is no final answer. */
export async function outboundRequest(rawUrl: string, options: OutboundOptions): Promise<OutboundResponse> {
  const started = performance.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parseTarget(rawUrl);
  const origin = hostOf(url);
  for (let hops = 0; ; hops++) {
    let answer: { response: IncomingMessage; body: string };
    try {
      answer = await once(url, options, signal);
    } catch (error) {
      throw describe(error, options.timeoutMs, signal);
    }
    const { response, body } = answer;
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      const next = parseTarget(new URL(location, url).toString());
      if (hostOf(next) !== origin)
        throw new OutboundError("redirect", `Redirected to another host (${hostOf(next)}), which is not followed`);
      if (hops >= (options.maxRedirects ?? 3)) throw new OutboundError("redirect", "Too many redirects");
      url = next;
      continue;
    }
    const contentType = response.headers["content-type"] ?? null;
    return { status, contentType, body, url: url.toString(), elapsedMs: Math.round(performance.now() - started) };
  }
}
