import { describe, expect, it } from "vitest";
import { parseIfMatchTag, parseIfMatchVersion, parseWritePrecondition } from "@/lib/api/preconditions";
import { AppError } from "@/lib/errors";

function code(headers: Record<string, string>, parse = (h: Headers): string | number | null => parseWritePrecondition(h).expectedVersion) {
  try {
    return parse(new Headers(headers));
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

describe("confirmation preconditions", () => {
  it.each([
    [{ "If-Match": '"3"' }, 3],
    [{ "If-None-Match": "*" }, "PRECONDITION_REQUIRED"],
    [{}, "PRECONDITION_REQUIRED"],
    [{ "If-Match": '"v1"' }, "BAD_REQUEST"],
  ])("an answer's: %j → %s", (headers, expected) => {
    expect(code(headers, parseIfMatchVersion)).toBe(expected);
  });

  it.each([
    [{ "If-Match": '"v1.2.1"' }, "v1.2.1"],
    [{ "If-Match": 'W/"v"' }, "v"],
    [{}, "PRECONDITION_REQUIRED"],
    [{ "If-Match": "v1.2" }, "BAD_REQUEST"],
    [{ "If-Match": '"3"' }, "BAD_REQUEST"],
    [{ "If-Match": '"v1;drop"' }, "BAD_REQUEST"],
  ])("a concern's: %j → %s", (headers, expected) => {
    expect(code(headers, parseIfMatchTag)).toBe(expected);
  });
});
