import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { crossOriginActionProblem, requestTargetProblem } from "./request-guard";

describe("requestTargetProblem", () => {
  it.each([
    "/",
    "/services/payments-api",
    "/services/caf%C3%A9",
    "/api/v1/services?q=%ff",
    "/api/v1/services?q=a%2Bb&team=payments",
    "/services?q=100%",
    "/reviews/x%2Fy",
  ])("lets %j through", (target) => {
    expect(requestTargetProblem(target)).toBeNull();
  });

  it.each([
    ["/services/%ff", "percent-encoding"],
    ["/reviews/%E0%A4%A", "percent-encoding"],
    ["/api/v1/services/%", "percent-encoding"],
    ["/api/v1/services/a%00b", "NUL"],
    ["/services/%00", "NUL"],
    ["/api/v1/services?q=a%00b", "NUL"],
    ["/services?%00=1", "NUL"],
    ["/services?q=ok&team=\u0000", "NUL"],
  ])("refuses %j with a 400 about %s", (target, words) => {
    const problem = requestTargetProblem(target);
    expect(problem).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(problem?.message).toContain(words);
  });
});

function request(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

describe("crossOriginActionProblem", () => {
  const host = "shipshape.example.com";
  const action = { host, "next-action": "7f0a", "content-type": "text/plain;charset=UTF-8" };

  it.each([
    ["a same-origin action", request("POST", { ...action, origin: `https://${host}` })],
    ["an action without an Origin (not from a browser)", request("POST", action)],
    [
      "an action behind a proxy that forwards the host",
      request("POST", { ...action, host: "app:3000", "x-forwarded-host": host, origin: `https://${host}` }),
    ],
    ["a page GET", request("GET", { host, origin: "https://evil.example" })],
    [
      "an API write (checked by the API itself)",
      request("POST", { host, origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }),
    ],
  ])("lets %s through", (_, req) => {
    const pathname = req.headers["content-type"]?.startsWith("multipart") ? "/api/v1/services" : "/services/new";
    expect(crossOriginActionProblem(req, pathname)).toBeNull();
  });

  it.each([
    ["another site", request("POST", { ...action, origin: "https://evil.example" })],
    ["another port of the same host", request("POST", { ...action, origin: `https://${host}:8443` })],
    ["an opaque origin", request("POST", { ...action, origin: "null" })],
    ["an unparsable origin", request("POST", { ...action, origin: "not a url" })],
    [
      "a plain multipart form post from another site",
      request("POST", { host, origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }),
    ],
    [
      "an urlencoded form post from another site",
      request("POST", { host, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }),
    ],
  ])("refuses %s with a 403", (_, req) => {
    expect(crossOriginActionProblem(req, "/services/new")).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});
