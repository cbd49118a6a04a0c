// Splitting a review's work by concern: who of the owning team works on which concern, and how far it is.
// Pure rules shared by lib/db, the pages and the API.

export const CONCERN_WORK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE"] as const;
export type ConcernWorkStatus = (typeof CONCERN_WORK_STATUSES)[number];

/** A concern nobody has assigned or started yet has no stored row; it reads as this, at version 0. */
export const UNTOUCHED_VERSION = 0;

/**
 * A concern may be marked done while items are still open (someone else may be chasing them); the pages then say
 * how many are open beside "Done", so nobody mistakes it for complete. Null when there is nothing to say.
 */
export function openItemsWarning(status: ConcernWorkStatus, openItems: number): string | null {
  if (status !== "DONE" || openItems <= 0) return null;
  return `${openItems} ${openItems === 1 ? "item is" : "items are"} still unanswered`;
}
