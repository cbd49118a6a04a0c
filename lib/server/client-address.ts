import type { IncomingMessage } from "node:http";

// Who is on the other end, for per-address limits. X-Forwarded-For is written by whoever sends the request,
// so only the entries added by our own proxies count: with N trusted hops, the client is the N-th address
// from the right (the socket's peer being the last proxy). Anything the client put further left is ignored.

/** Set by the HTTP front on every request (any value sent by the client is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-shipshape-client-address";

export function clientAddressOf(req: Pick<IncomingMessage, "headers" | "socket">, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedHops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
