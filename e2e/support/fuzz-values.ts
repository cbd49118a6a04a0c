import fc from "fast-check";

// Hostile values the API fuzzer puts into requests: broken percent-encoding, URLs that must not be stored as links,
// NUL characters, huge strings, values of the wrong type, content types that are not JSON.

/** Percent-encodes every byte of the UTF-8 form except unreserved characters (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

export const BROKEN_PERCENT = ["%E0%A4%A", "%ff", "%FF", "%", "%zz", "%E0%A4", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%%30", "%u0041"];

export const HOSTILE_URLS = [
  "http:\\\\evil.example",
  "https:\\\\evil.example/phish",
  "http:/\\evil.example",
  "https:/x",
  "http:x",
  "https:x.example",
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "file:///etc/passwd",
  "//evil.example",
  "http://",
  "https://",
  "http://[::1",
  "http://exa mple.example",
  "http://%ff.example",
  "https://example.com:99999/",
  "https://user:pass@evil.example",
  "HTTPS://EXAMPLE.COM/CASE",
  "https://example.com/\u0000",
  "http://\u0000.example",
  "https://example.com/\u202Egnp.exe",
  "https://\u0435xample.com",
];

export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

export const nulString = fc
  .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
  .map(([before, after]) => `${before}\u0000${after}`);

export const hugeString = fc
  .tuple(fc.integer({ min: 5_001, max: 300_000 }), fc.constantFrom("x", "é", "😀", " ", "\\"))
  .map(([length, char]) => char.repeat(Math.ceil(length / char.length)));

/** Any text without NUL (NUL has classes of its own): other control characters, lone surrogates, astral planes. */
export const oddText = fc.string({ unit: "binary", maxLength: 60 }).filter((s) => !s.includes("\u0000"));

/** Content types that are not exactly application/json, and none at all (""). */
export const CONTENT_TYPES = [
  "",
  "text/plain",
  "text/plain;x=application/json",
  "application/xml",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "APPLICATION/JSON",
  "application/jsonx",
  "application/json, text/plain",
  "*/*",
];

/** Keys that mean something to JavaScript objects or to the database rows behind the body. */
export const SPECIAL_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "id",
  "reviewId",
  "version",
  "expectedVersion",
  "answeredById",
  "createdById",
  "status ",
];
