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

export function etag(version: number): string {
  return `"${version}"`;
}
