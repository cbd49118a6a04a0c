import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, OutboundError, outboundRequest, parseAllowlist } from "./outbound";

// Real requests to a real server on loopback, allowed through the allowlist the way an installation would.

let server: Server;
let base = "";
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/ok": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("fine"),
  "/same-host-redirect": (_req, res) => res.writeHead(302, { location: "/ok" }).end(),
  "/other-host-redirect": (_req, res) => res.writeHead(302, { location: "http://evil.example/ok" }).end(),
  "/loop": (_req, res) => res.writeHead(307, { location: "/loop" }).end(),
  "/slow": (_req, res) => setTimeout(() => res.writeHead(200).end("late"), 2000),
  "/big": (_req, res) => res.writeHead(200).end("x".repeat(200_000)),
};

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ""] ?? ((_q, r) => r.writeHead(404).end()))(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allowLoopback = parseAllowlist("127.0.0.1");
const get = (path: string, allowlist = allowLoopback, timeoutMs = 1000) => outboundRequest(`${base}${path}`, { timeoutMs, allowlist });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) =>
      error instanceof OutboundError ? { kind: error.kind, message: error.message } : { kind: "other", message: String(error) },
  );

describe("outboundRequest", () => {
  it("answers with the status, type and body", async () => {
    expect(await get("/ok")).toMatchObject({ status: 200, contentType: "text/plain", body: "fine" });
    expect((await get("/missing")).status).toBe(404);
  });

  it("refuses loopback and private addresses unless the allowlist names them", async () => {
    expect(await failure(get("/ok", parseAllowlist("")))).toMatchObject({
      kind: "refused",
      message: expect.stringMatching(/OUTBOUND_ALLOWLIST/),
    });
    expect(await failure(outboundRequest("http://localhost:9/x", { timeoutMs: 500, allowlist: parseAllowlist("") }))).toMatchObject({
      kind: "refused",
    });
    expect(await failure(outboundRequest("http://[::ffff:127.0.0.1]:9/", { timeoutMs: 500, allowlist: parseAllowlist("") }))).toMatchObject(
      {
        kind: "refused",
      },
    );
    expect((await get("/ok", parseAllowlist("127.0.0.0/8"))).status).toBe(200);
  });

  it("follows redirects on the same host only, and not forever", async () => {
    expect(await get("/same-host-redirect")).toMatchObject({ status: 200, body: "fine", url: `${base}/ok` });
    expect(await failure(get("/other-host-redirect"))).toEqual({
      kind: "redirect",
      message: "Redirected to another host (evil.example), which is not followed",
    });
    expect(await failure(get("/loop"))).toEqual({ kind: "redirect", message: "Too many redirects" });
  });

  it("gives up at the deadline and keeps only the first bytes of a large body", async () => {
    const started = Date.now();
    expect(await failure(get("/slow", allowLoopback, 300))).toEqual({ kind: "timeout", message: "No answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(1500);
    const big = await outboundRequest(`${base}/big`, { timeoutMs: 1000, allowlist: allowLoopback, maxBodyBytes: 1000 });
    expect(big.body).toHaveLength(1000);
  });

  it("requests only plain http(s) URLs", async () => {
    for (const url of ["ftp://example.com/", "file:///etc/passwd", "not a url", "http://user:pw@example.com/"]) {
      expect((await failure(outboundRequest(url, { timeoutMs: 500, allowlist: allowLoopback })))?.kind, url).toBe("invalid-url");
    }
  });
});

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.31.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["::1", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:10.0.0.1", true],
    ["93.184.215.14", false],
    ["2606:4700::1111", false],
  ])("%s → %s", (address, expected) => expect(isPrivateAddress(address)).toBe(expected));
});
