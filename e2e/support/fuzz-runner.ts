import http from "node:http";
import fc from "fast-check";
import { errorBody } from "../../lib/schemas/api";
import type { FuzzEndpoint, FuzzRequest } from "./fuzz-attacks";
import {
  answerVersion,
  assignmentVersion,
  concernTag,
  createFreshService,
  insertEvidence,
  storedCounts,
  type FuzzWorld,
  type StoredCounts,
} from "./fuzz-world";

// Sends the generated requests one at a time over a raw HTTP client (so paths, bytes and headers go out exactly
// as generated) and checks each answer: no 5xx, an error body of the documented JSON shape with no internals in it,
// and no stored change behind a 4xx. The run goes on past a failure so one CI run reports every failing class;
// fast-check's shrinking is not used because the server's state moves on with every request.

export type Sent = { method: string; path: string; headers: Record<string, string>; body: string };
export type Received = { status: number; contentType: string; body: string };
export type FuzzFailure = { classes: string[]; problems: string[]; request: Sent; response: Received };
export type FuzzReport = {
  endpoint: string;
  seed: number;
  runs: number;
  ms: number;
  statuses: Record<string, number>;
  classes: Record<string, number>;
  /** The slowest request of the run, to see which class costs the time. */
  slowest: { ms: number; classes: string[]; request: string };
  /** 2xx answers after which the stored counts moved: proof that the counts can see a write at all. */
  writes: number;
  failures: FuzzFailure[];
};

const KEEP_CHARS = 2_000;
const excerpt = (text: string) => (text.length > KEEP_CHARS ? `${text.slice(0, KEEP_CHARS)}… (${text.length} chars)` : text);

/** Internals an error body must never show, wherever they come from. */
const LEAKS: [string, RegExp][] = [
  ["a stack frame", /\bat (?:async )?(?:[\w.$<>[\] ]+ \()?(?:\/|file:|node:)/],
  ["a file path", /\/(?:work|home|usr|app|srv|opt|tmp|root)\/|node_modules|\.next\/|\b[\w-]+\.(?:ts|tsx|js|mjs|cjs):\d+/],
  ["Prisma", /prisma/i],
  ["a JavaScript error", /\b(?:Type|Reference|Syntax|Range)Error\b/],
  [
    "a database error",
    /SQLSTATE|invalid byte sequence|violates (?:check|foreign key|unique|not-null) constraint|syntax error at or near|invalid input syntax/i,
  ],
];

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Strings of the request itself, which error messages may legitimately echo (an unknown key, a slug). */
function echoes(request: FuzzRequest, sent: Sent): string[] {
  const found = new Set<string>([sent.path, ...request.segments, ...request.segments.map(safeDecode), request.query]);
  const walk = (value: unknown): void => {
    if (typeof value === "string") found.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object")
      for (const [key, inner] of Object.entries(value)) {
        found.add(key);
        walk(inner);
      }
  };
  walk(request.json);
  return [...found].filter((s) => s.length >= 3).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
}

function problemsOf(request: FuzzRequest, sent: Sent, response: Received): string[] {
  // Raw non-ASCII bytes in the request line are not HTTP: Node's parser answers a bare 400 and closes the
  // connection (the client may see the reset first while it is still sending the body). The app never sees them.
  if (request.classes.includes("raw-bytes:path")) {
    const refused = response.status === 400 || (response.status === 0 && /ECONNRESET|EPIPE/.test(response.body));
    return refused ? [] : [`request line with raw bytes answered ${response.status || response.body}, not refused with 400`];
  }
  if (response.status === 0) return [`no response: ${response.body}`];
  // 304 is only for GET and HEAD; on a write it hides whether the write happened.
  if (response.status === 304) return [`304 Not Modified for ${request.method}`];
  if (response.status < 400) return [];
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`status ${response.status} (${response.contentType || "no content type"})`);
  else if (!/^application\/json\b/i.test(response.contentType))
    problems.push(`error answered as "${response.contentType || "no content type"}", not JSON`);
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      problems.push("error body is not valid JSON");
    }
    if (parsed !== undefined && !errorBody.safeParse(parsed).success) problems.push("error body is not { error: { code, message } }");
  }
  let body = response.body;
  for (const echo of echoes(request, sent)) body = body.replaceAll(echo, "");
  for (const [what, pattern] of LEAKS) if (pattern.test(body)) problems.push(`error body shows ${what}`);
  return problems;
}

function changes(before: StoredCounts, after: StoredCounts): string {
  return (Object.keys(before) as (keyof StoredCounts)[])
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key} ${before[key]} → ${after[key]}`)
    .join(", ");
}

/** Fills in what the request depends on (a new service, a new evidence link, the answer's current version). */
async function resolve(request: FuzzRequest, world: FuzzWorld): Promise<FuzzRequest> {
  const setup = request.setup;
  if (!setup) return request;
  if (setup.kind === "concern-tag") {
    const tag = await concernTag(setup.reviewId, setup.concernKey);
    return { ...request, headers: { "if-match": `"${setup.stale ? `${tag}.9` : tag}"`, ...request.headers } };
  }
  if (setup.kind === "assignment-version") {
    const current = await assignmentVersion(setup.reviewId, setup.concernKey);
    return { ...request, headers: { "if-match": `"${current + setup.offset}"`, ...request.headers } };
  }
  if (setup.kind === "version") {
    const current = await answerVersion(setup.reviewId, setup.itemKey);
    const header: Record<string, string> =
      setup.offset === 0 && current === 0 ? { "if-none-match": "*" } : { "if-match": `"${current + setup.offset}"` };
    return { ...request, headers: { ...header, ...request.headers } };
  }
  const fresh = setup.kind === "fresh-service" ? await createFreshService(world) : await insertEvidence(setup.reviewId, setup.itemKey);
  return { ...request, segments: request.segments.map((s, i) => (i === setup.segment ? fresh : s)) };
}

function send(agent: http.Agent, base: URL, request: FuzzRequest): Promise<{ sent: Sent; response: Received }> {
  const path = `/api/v1/${request.segments.join("/")}${request.query}`;
  const payload =
    request.raw !== undefined
      ? Buffer.from(request.raw)
      : request.json !== undefined
        ? Buffer.from(JSON.stringify(request.json))
        : undefined;
  const headers = { ...request.headers, ...(payload ? { "content-length": String(payload.length) } : {}) };
  const sent: Sent = { method: request.method, path, headers, body: excerpt(payload?.toString("utf8") ?? "") };
  return new Promise((done) => {
    const fail = (error: Error) => done({ sent, response: { status: 0, contentType: "", body: error.message } });
    try {
      const outgoing = http.request(
        { host: base.hostname, port: base.port, method: request.method, path, headers, agent, timeout: 30_000 },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", fail);
          incoming.on("end", () =>
            done({
              sent,
              response: {
                status: incoming.statusCode ?? 0,
                contentType: String(incoming.headers["content-type"] ?? ""),
                body: Buffer.concat(chunks).toString("utf8"),
              },
            }),
          );
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 30 s")));
      outgoing.on("error", fail);
      outgoing.end(payload);
    } catch (error) {
      fail(error as Error);
    }
  });
}

export async function runFuzz(
  endpoint: FuzzEndpoint,
  world: FuzzWorld,
  options: { baseURL: string; runs: number; seed: number },
): Promise<FuzzReport> {
  const started = Date.now();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(options.baseURL);
  const report: FuzzReport = {
    endpoint: `${endpoint.method} ${endpoint.template}`,
    seed: options.seed,
    runs: options.runs,
    ms: 0,
    statuses: {},
    classes: {},
    slowest: { ms: 0, classes: [], request: "" },
    writes: 0,
    failures: [],
  };
  let counts = await storedCounts(world);
  try {
    await fc.assert(
      fc.asyncProperty(endpoint.requests(world), async (generated) => {
        const request = await resolve(generated, world);
        if (request.setup?.kind === "fresh-evidence") counts = await storedCounts(world);
        const sentAt = Date.now();
        const { sent, response } = await send(agent, base, request);
        const ms = Date.now() - sentAt;
        if (ms > report.slowest.ms)
          report.slowest = {
            ms,
            classes: request.classes,
            request: `${sent.method} ${sent.path.slice(0, 200)} (${sent.headers["content-length"] ?? 0} bytes)`,
          };
        const after = await storedCounts(world);
        const problems = problemsOf(request, sent, response);
        const changed = changes(counts, after);
        if (response.status >= 400 && changed) problems.push(`stored on ${response.status}: ${changed}`);
        if (response.status >= 200 && response.status < 300 && changed) report.writes += 1;
        counts = after;
        report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
        for (const cls of request.classes) report.classes[cls] = (report.classes[cls] ?? 0) + 1;
        if (problems.length)
          report.failures.push({
            classes: request.classes,
            problems,
            request: sent,
            response: { ...response, body: excerpt(response.body) },
          });
      }),
      { numRuns: options.runs, seed: options.seed },
    );
  } finally {
    agent.destroy();
  }
  report.ms = Date.now() - started;
  return report;
}

/**
 * The failures by request class (failed / sent: a class near 100 % is the cause, one far below rode along with it),
 * one example per problem, and the line that replays the run.
 */
export function describeFailures(report: FuzzReport, reproduce: string): string {
  const failedByClass = new Map<string, number>();
  const byProblem = new Map<string, FuzzFailure[]>();
  for (const failure of report.failures) {
    for (const cls of failure.classes) failedByClass.set(cls, (failedByClass.get(cls) ?? 0) + 1);
    for (const problem of failure.problems) {
      const key = problem.replace(/\d+ → \d+/g, "n → m");
      byProblem.set(key, [...(byProblem.get(key) ?? []), failure]);
    }
  }
  const ratio = (cls: string) => (failedByClass.get(cls) ?? 0) / (report.classes[cls] ?? 1);
  const classes = [...failedByClass.keys()]
    .sort((a, b) => ratio(b) - ratio(a))
    .map((cls) => `  ${cls}: ${failedByClass.get(cls)} of ${report.classes[cls]} failed`);
  const problems = [...byProblem].map(([problem, failures]) => {
    const { request, response } = failures[0]!;
    const example = `${request.method} ${request.path.slice(0, 160)} ${JSON.stringify(request.headers).slice(0, 240)} ${request.body.slice(0, 160)}`;
    const by = [...new Set(failures.map((f) => f.classes.join(" + ")))].slice(0, 6).join("; ");
    return `  ${failures.length} × ${problem} (${by})\n      e.g. ${example}\n      → ${response.status} ${response.contentType} ${response.body.slice(0, 200)}`;
  });
  return [
    `${report.failures.length} of ${report.runs} requests to ${report.endpoint} failed (seed ${report.seed}).`,
    "By request class:",
    ...classes,
    "By problem:",
    ...problems,
    `Reproduce: ${reproduce}`,
  ].join("\n");
}
