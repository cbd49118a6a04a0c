import { AppError } from "@/lib/errors";

// Answers are versioned. Writers say which version they saw: `If-Match: "3"` to update version 3, or
// `If-None-Match: *` to create an answer that must not exist yet. Without either the write is refused (428),
// so no client can overwrite someone else's answer without having seen it.

export type WritePrecondition = { expectedVersion: number | null };

export function parseWritePrecondition(headers: Headers): WritePrecondition {
  const ifMatch = headers.get("if-match");
  const ifNoneMatch = headers.get("if-none-match");
  if (ifMatch !== null) {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!match?.[1]) throw new AppError("BAD_REQUEST", 'If-Match must carry the answer\'s version, e.g. If-Match: "3"');
    return { expectedVersion: Number(match[1]) };
  }
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() !== "*") throw new AppError("BAD_REQUEST", "Use If-None-Match: * to create an answer that does not exist yet");
    return { expectedVersion: null };
  }
  throw new AppError("PRECONDITION_REQUIRED", 'Send If-Match: "<version>" to update an answer, or If-None-Match: * to create one');
}

/** A confirmation changes an existing answer, so only `If-Match: "<version>"` will do. */
export function parseIfMatchVersion(headers: Headers): number {
  if (headers.get("if-match") === null) {
    throw new AppError("PRECONDITION_REQUIRED", 'Send If-Match: "<version>" with the version of the answer you are confirming');
  }
  const { expectedVersion } = parseWritePrecondition(headers);
  return expectedVersion as number;
}

/** Confirming a concern names the concern's tag (`carryForward.concerns[].tag` of the review), e.g. If-Match: "v1.1.2". */
export function parseIfMatchTag(headers: Headers): string {
  const ifMatch = headers.get("if-match");
  if (ifMatch === null) {
    throw new AppError("PRECONDITION_REQUIRED", 'Send If-Match: "<tag>" with the concern\'s tag from GET /api/v1/reviews/{id}');
  }
  const match = /^\s*(?:W\/)?"(v[\d.]{0,2000})"\s*$/.exec(ifMatch);
  if (!match?.[1]) throw new AppError("BAD_REQUEST", 'If-Match must carry the concern\'s tag, e.g. If-Match: "v1.1.2"');
  return match[1];
}

export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * A concern's assignment names its version from `assignments[].version` of GET /api/v1/reviews/{id}; a concern
 * nobody has assigned or started yet is at version 0, so If-Match: "0" creates its assignment.
 */
export function parseIfMatchAssignmentVersion(headers: Headers): number {
  const ifMatch = headers.get("if-match");
  if (ifMatch === null) {
    throw new AppError(
      "PRECONDITION_REQUIRED",
      'Send If-Match: "<version>" with the assignment\'s version from GET /api/v1/reviews/{id} ("0" if nobody assigned it yet)',
    );
  }
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
  if (!match?.[1]) throw new AppError("BAD_REQUEST", 'If-Match must carry the assignment\'s version, e.g. If-Match: "2"');
  return Number(match[1]);
}
