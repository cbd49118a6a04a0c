// The answer-save run of `npm run bench`: autocannon at a fixed overall rate against the review API,
// `PUT /api/v1/reviews/{reviewId}/answers/{itemKey}` with `If-None-Match: *` (create only). Every
// request targets its own (review, item) that has no answer yet, so no request can conflict with
// another and any non-2xx is a real failure.
import { autocannon } from "./autocannon-tracker";
import type { SavePair } from "./bench-fixtures";
import { BenchError } from "./bench-server";

export type SaveOptions = { rate: number; connections: number; durationS: number };
export type SaveResult = {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

const answerPath = (pair: SavePair) => `/api/v1/reviews/${pair.reviewId}/answers/${encodeURIComponent(pair.itemKey)}`;
const BODY = JSON.stringify({ status: "MET", note: "bench" });

function headers(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, "content-type": "application/json", "if-none-match": "*" };
}

/** One request first, so a missing route or a broken token is one clear error instead of 600 failures. */
export async function probeSaveApi(baseUrl: string, token: string, pair: SavePair): Promise<void> {
  const response = await fetch(`${baseUrl}${answerPath(pair)}`, { method: "PUT", headers: headers(token), body: BODY });
  const text = await response.text();
  if (response.status >= 200 && response.status < 300) return;
  const hint =
    response.status === 404 && !text.includes("NOT_FOUND")
      ? " — the /api/v1 review API does not seem to exist yet"
      : response.status === 401
        ? " — the bench API token was refused"
        : "";
  throw new BenchError(`PUT ${answerPath(pair)} returned HTTP ${response.status}${hint}: ${text.slice(0, 200)}`);
}

export async function runSaveBench(baseUrl: string, token: string, pairs: readonly SavePair[], options: SaveOptions): Promise<SaveResult> {
  const needed = Math.ceil(options.rate * options.durationS * 1.1);
  if (pairs.length < needed) {
    throw new BenchError(`Only ${pairs.length} unanswered (review, item) pairs for ~${needed} requests: use more drafts (--drafts).`);
  }
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.durationS,
    method: "PUT",
    headers: headers(token),
    body: BODY,
    timeout: 10,
    requests: [{ setupRequest: (request) => ({ ...request, path: answerPath(pairs[next++ % pairs.length] as SavePair) }) }],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const ok = Object.entries(statusCodes).reduce((sum, [code, n]) => (code.startsWith("2") ? sum + n : sum), 0);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
