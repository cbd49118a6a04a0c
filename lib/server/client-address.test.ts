import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/server/client-address";

const req = (peer: string, forwardedFor?: string) => ({
  headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  socket: { remoteAddress: peer },
});

describe("clientAddressOf", () => {
  it.each([
    ["no proxy: the socket, whatever the client claims", req("203.0.113.7", "10.0.0.1"), 0, "203.0.113.7"],
    ["one proxy: the address it appended", req("10.0.0.2", "198.51.100.9"), 1, "198.51.100.9"],
    ["one proxy: a forged entry further left is ignored", req("10.0.0.2", "6.6.6.6, 198.51.100.9"), 1, "198.51.100.9"],
    ["two proxies", req("10.0.0.3", "6.6.6.6, 198.51.100.9, 10.0.0.2"), 2, "198.51.100.9"],
    ["more hops configured than present: the leftmost", req("10.0.0.2", "198.51.100.9"), 5, "198.51.100.9"],
    ["a proxy that sent no header: the socket", req("10.0.0.2"), 1, "10.0.0.2"],
  ])("%s", (_, request, hops, expected) => {
    expect(clientAddressOf(request as never, hops)).toBe(expected);
  });
});
