import { describe, expect, it } from "vitest";
import { parseWritePrecondition } from "@/lib/api/preconditions";
import { AppError } from "@/lib/errors";

function code(headers: Record<string, string>): string | number | null {
  try {
    return parseWritePrecondition(new Headers(headers)).expectedVersion;
  } catch (error) {
    return error instanceof AppError ? error.code : "unexpected";
  }
}

describe("parseWritePrecondition", () => {
  it.each([
    [{ "If-Match": '"3"' }, 3],
    [{ "If-Match": "3" }, 3],
    [{ "If-Match": 'W/"12"' }, 12],
    [{ "If-None-Match": "*" }, null],
    [{}, "PRECONDITION_REQUIRED"],
    [{ "If-Match": "abc" }, "BAD_REQUEST"],
    [{ "If-Match": "*" }, "BAD_REQUEST"],
    [{ "If-None-Match": '"3"' }, "BAD_REQUEST"],
  ])("%j → %s", (headers, expected) => {
    expect(code(headers)).toBe(expected);
  });
});
