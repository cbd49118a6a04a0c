// Every path the app links to, redirects to or revalidates, in one place. Slugs, ids and keys come from
// people or the database, so each one is encoded as a path segment.

const segment = encodeURIComponent;

type QueryValue = string | number | null | undefined;

/** `path` with the given query parameters; empty ones are left out, so the default view has the bare path. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A list's page as a query value: page 1 is the list's bare URL. */
function pageParam(page: number): number | undefined {
  return page > 1 ? page : undefined;
}

/** The signed-in home: what waits for each person. */
export const HOME_PATH = "/";
export const SERVICES_PATH = "/services";
export const REVIEWS_PATH = "/reviews";
export const PORTFOLIO_PATH = "/portfolio";
export const QUARTERLY_PATH = "/quarterly";
export const NEW_SERVICE_PATH = `${SERVICES_PATH}/new`;
export const API_TOKENS_PATH = "/settings/tokens";
export const SIGN_IN_PATH = "/signin";
export const ADMIN_PATH = "/admin";
export const ADMIN_SETTINGS_PATH = `${ADMIN_PATH}/settings`;
export const ADMIN_CHECKS_PATH = `${ADMIN_PATH}/checks`;
export const ADMIN_TEMPLATES_PATH = `${ADMIN_PATH}/templates`;
export const ADMIN_USERS_PATH = `${ADMIN_PATH}/users`;
export const ADMIN_TEAMS_PATH = `${ADMIN_PATH}/teams`;
export const INVITE_USER_PATH = `${ADMIN_USERS_PATH}/new`;
export const ADMIN_JOBS_PATH = `${ADMIN_PATH}/jobs`;
export const DOCS_PATH = "/docs";

/** One of the project's documents served read-only (README, docs/*.md), optionally at a heading's anchor. */
export function docHref(slug: string, anchor?: string): string {
  return `${DOCS_PATH}/${segment(slug)}${anchor ? `#${segment(anchor)}` : ""}`;
}

export function serviceHref(slug: string): string {
  return `${SERVICES_PATH}/${segment(slug)}`;
}

export function editServiceHref(slug: string): string {
  return `${serviceHref(slug)}/edit`;
}

export function newReviewHref(slug: string): string {
  return `${serviceHref(slug)}/reviews/new`;
}

/** The service page scrolled to its history section (the review diff form submits here). */
export function serviceHistoryHref(slug: string): string {
  return `${serviceHref(slug)}#history`;
}

export function reviewHref(reviewId: string): string {
  return `${REVIEWS_PATH}/${segment(reviewId)}`;
}

export function reviewHistoryHref(reviewId: string): string {
  return `${reviewHref(reviewId)}/history`;
}

export function reviewReportHref(reviewId: string): string {
  return `${reviewHref(reviewId)}/report`;
}

/** The review as a Markdown file download. */
export function reviewExportHref(reviewId: string): string {
  return `/exports/reviews/${segment(reviewId)}`;
}

/** The review's per-concern counts as a CSV download. */
export function reviewCsvHref(reviewId: string): string {
  return `${reviewExportHref(reviewId)}/counts.csv`;
}

/** Item keys contain dots; anchors keep letters, digits and dashes only. */
export function itemAnchor(itemKey: string): string {
  return `item-${itemKey.replace(/[^A-Za-z0-9-]/g, "-")}`;
}

export function concernHref(reviewId: string, concernKey: string, itemKey?: string): string {
  const base = `${reviewHref(reviewId)}/concerns/${segment(concernKey)}`;
  return itemKey ? `${base}#${itemAnchor(itemKey)}` : base;
}

/** The portfolio CSV for the same filters as the page (`search` is its query string, without "?"). */
export function portfolioExportHref(search: string): string {
  return search ? `/exports/portfolio.csv?${search}` : "/exports/portfolio.csv";
}

export function adminUserHref(userId: string): string {
  return `${ADMIN_USERS_PATH}/${segment(userId)}`;
}

export function adminTeamHref(teamId: string): string {
  return `${ADMIN_TEAMS_PATH}/${segment(teamId)}`;
}

export function adminTeamsHref({ q, page }: { q: string; page: number }): string {
  return withQuery(ADMIN_TEAMS_PATH, { q, page: pageParam(page) });
}

export function adminUsersHref({ q, role, page }: { q: string; role?: string | null; page: number }): string {
  return withQuery(ADMIN_USERS_PATH, { q, role, page: pageParam(page) });
}

/** Recent background job runs, optionally of one state (?state=failed). */
export function adminJobsHref({ state, page }: { state?: string | null; page: number }): string {
  return withQuery(ADMIN_JOBS_PATH, { state, page: pageParam(page) });
}

/** The reviews list; open reviews (the default) need no status parameter. */
export function reviewsListHref(status: string, page: number): string {
  return withQuery(REVIEWS_PATH, { status: status === "OPEN" ? undefined : status, page: pageParam(page) });
}

/** Sign-in, coming back to `returnTo` (a path on Shipshape) afterwards. */
export function signInHref(returnTo?: string): string {
  return withQuery(SIGN_IN_PATH, { callbackUrl: returnTo });
}

export type QuarterlyView = "" | "present" | "agenda" | "minutes";

/** A quarter's meeting pages; agenda-side links keep the team filter, page and position only when they differ from the start. */
export function quarterlyHref(quarter: string, view: QuarterlyView, params: { team?: string; page?: number; i?: number } = {}): string {
  const path = `${QUARTERLY_PATH}/${segment(quarter)}${view ? `/${view}` : ""}`;
  return withQuery(path, { team: params.team, page: params.page === undefined ? undefined : pageParam(params.page), i: params.i });
}

/** A review as the API serves it (the `Location` of a review the API started). */
export function apiReviewHref(reviewId: string): string {
  return `/api/v1/reviews/${segment(reviewId)}`;
}

export function apiServiceGateHref(slug: string): string {
  return `/api/v1/services/${segment(slug)}/gate`;
}

/** The review overview at its pending waivers, beside the decision panel. */
export function reviewPendingWaiversHref(reviewId: string): string {
  return `${reviewHref(reviewId)}#pending-waivers`;
}

/** Every concern of a review on one page, each under its own heading. */
export function reviewAnswerHref(reviewId: string, concernKey?: string): string {
  const base = `${reviewHref(reviewId)}/answer`;
  return concernKey ? `${base}#${concernAnchor(concernKey)}` : base;
}

export function concernAnchor(concernKey: string): string {
  return `concern-${concernKey.replace(/[^A-Za-z0-9-]/g, "-")}`;
}
