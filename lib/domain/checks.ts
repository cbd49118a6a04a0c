// Automated checks: what a probe's answer means, how long a result counts, and which answer it suggests. Pure: the
// caller passes the response and the clock. A result never answers an item by itself; a person confirms it.

import type { AnswerStatus } from "./types";

export const CHECK_KINDS = ["HTTP_PROBE", "CI"] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const CHECK_STATUSES = ["PASSING", "WARNING", "FAILING"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export type ProbeOutcome = { status: CheckStatus; summary: string };

/** The statuses of the Health Check Response Format for HTTP APIs (application/health+json) and common synonyms. */
const HEALTH_JSON_STATUS: Record<string, CheckStatus> = {
  pass: "PASSING",
  ok: "PASSING",
  up: "PASSING",
  warn: "WARNING",
  fail: "FAILING",
  down: "FAILING",
  error: "FAILING",
};

/**
 * A probe passes on a 2xx answer. An `application/health+json` body's `status` is read when present, so a service that
 * answers 200 with `"status": "warn"` or `"fail"` says so; a health+json body that cannot be read is a warning.
 */
export function probeOutcome(status: number, contentType: string | null, body: string, elapsedMs: number): ProbeOutcome {
  const took = `in ${elapsedMs} ms`;
  if (status < 200 || status > 299) return { status: "FAILING", summary: `HTTP ${status} ${took}` };
  if (!contentType?.toLowerCase().startsWith("application/health+json")) return { status: "PASSING", summary: `HTTP ${status} ${took}` };
  let reported: unknown;
  try {
    reported = (JSON.parse(body) as { status?: unknown }).status;
  } catch {
    return { status: "WARNING", summary: `HTTP ${status} ${took}, but the health+json body is not valid JSON` };
  }
  const mapped = typeof reported === "string" ? HEALTH_JSON_STATUS[reported.toLowerCase()] : undefined;
  if (!mapped)
    return {
      status: "WARNING",
      summary: `HTTP ${status} ${took}, health+json status ${JSON.stringify(reported ?? null)} is not pass, warn or fail`,
    };
  return { status: mapped, summary: `HTTP ${status} ${took}, health status "${String(reported)}"` };
}

/** A result counts until its validity ends; after that it is stale and the review warns. */
export function isFresh(result: { validUntil: Date }, now: Date): boolean {
  return result.validUntil.getTime() > now.getTime();
}

const SUGGESTION: Record<CheckStatus, AnswerStatus> = { PASSING: "MET", WARNING: "PARTIAL", FAILING: "NOT_MET" };

/** The answer a fresh result suggests; a stale one suggests nothing. */
export function suggestedAnswer(result: { status: CheckStatus; validUntil: Date }, now: Date): AnswerStatus | null {
  return isFresh(result, now) ? SUGGESTION[result.status] : null;
}

/** Pushed results may say when they were observed, but not from the future (beyond a little clock skew). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** The longest a result may count: a year. */
export const MAX_VALID_FOR_MINUTES = 525_600;

export type CheckState = "PASSING" | "WARNING" | "FAILING" | "STALE" | "MISSING";

export type ItemCheck = {
  itemKey: string;
  state: CheckState;
  /** What a fresh result suggests; null when stale or missing. */
  suggested: AnswerStatus | null;
  /** The latest result, fresh or not. */
  observedAt: Date | null;
  summary: string;
  detailsUrl: string | null;
  source: CheckKind | null;
};

type LatestResult = {
  status: CheckStatus;
  validUntil: Date;
  observedAt: Date;
  summary: string;
  detailsUrl: string | null;
  source: CheckKind;
};

/**
 * The automated check of every bound item a review answers: passing / warning / failing while fresh, stale once its
 * validity ended, missing when nothing was ever observed. The review warns about stale and missing ones.
 */
export function itemChecks(
  itemKeys: readonly string[],
  bound: ReadonlySet<string>,
  latest: ReadonlyMap<string, LatestResult>,
  now: Date,
): ItemCheck[] {
  return itemKeys
    .filter((key) => bound.has(key))
    .map((itemKey) => {
      const result = latest.get(itemKey);
      if (!result) return { itemKey, state: "MISSING", suggested: null, observedAt: null, summary: "", detailsUrl: null, source: null };
      const fresh = isFresh(result, now);
      return {
        itemKey,
        state: fresh ? result.status : "STALE",
        suggested: suggestedAnswer(result, now),
        observedAt: result.observedAt,
        summary: result.summary,
        detailsUrl: result.detailsUrl,
        source: result.source,
      };
    });
}

export type LinkJudgement = { health: "OK" | "DEAD" | null; problem: string | null };

/** An evidence link that answered: dead on 404/410 or a server error; 401, 403 and 429 mean it exists behind a login or a limit. */
export function judgeLink(status: number): LinkJudgement {
  if (status === 404 || status === 410) return { health: "DEAD", problem: `HTTP ${status}: the page is gone` };
  if (status >= 500) return { health: "DEAD", problem: `HTTP ${status}: the server failed` };
  return { health: "OK", problem: null };
}
