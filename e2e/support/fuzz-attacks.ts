import fc from "fast-check";
import type { FuzzWorld } from "./fuzz-world";
import {
  BROKEN_PERCENT,
  CONTENT_TYPES,
  HOSTILE_URLS,
  hugeString,
  nulString,
  oddText,
  percentEncode,
  SPECIAL_KEYS,
  wrongTypeValue,
} from "./fuzz-values";

// The hostile request classes the API fuzzer mixes into otherwise valid requests. A request carries at most one
// body attack and one transport attack (path, query, headers), so a failure names the class that caused it.

/** Resolved by the runner just before sending, because it depends on what earlier requests stored. */
export type Setup =
  | { kind: "fresh-service"; segment: number }
  | { kind: "fresh-evidence"; segment: number; reviewId: string; itemKey: string }
  | { kind: "version"; reviewId: string; itemKey: string; offset: number }
  | { kind: "concern-tag"; reviewId: string; concernKey: string | null; stale: boolean }
  | { kind: "assignment-version"; reviewId: string; concernKey: string; offset: number };

export type FuzzRequest = {
  classes: string[];
  method: string;
  /** Path segments after /api/v1, exactly as sent (already percent-encoded, or deliberately not). */
  segments: string[];
  /** "" or "?…", exactly as sent. */
  query: string;
  headers: Record<string, string>;
  /** A JSON value to serialise, unless `raw` says exactly which bytes to send. */
  json?: unknown;
  raw?: string | Buffer;
  setup?: Setup;
};

export type Attack = { cls: string; apply: (request: FuzzRequest) => FuzzRequest };

const attack = <T>(cls: string, values: fc.Arbitrary<T>, apply: (request: FuzzRequest, value: T) => FuzzRequest): fc.Arbitrary<Attack> =>
  values.map((value) => ({ cls, apply: (request: FuzzRequest) => apply(request, value) }));

const withJsonField = (request: FuzzRequest, key: string, value: unknown): FuzzRequest => ({
  ...request,
  json: { ...(request.json as Record<string, unknown>), [key]: value },
});

/** A URL field set to a link that must never be stored: schemes other than http(s), or http(s) spelled so it parses oddly. */
export function hostileUrlAttack(name: string): fc.Arbitrary<Attack> {
  const spelled = fc
    .tuple(
      fc.constantFrom("http:", "https:", "HTTP:", "hTtPs:"),
      fc.constantFrom("", "/", "\\", "\\\\", "/\\", "//", "///"),
      fc.string({ maxLength: 20 }),
    )
    .map(([scheme, slashes, rest]) => `${scheme}${slashes}${rest}`);
  return attack("hostile-url", fc.oneof(fc.constantFrom(...HOSTILE_URLS), spelled), (r, url) => withJsonField(r, name, url));
}

export type FieldSpec = { name: string; required: boolean; text: boolean };

/** Attacks on the fields of a JSON object body. */
export function fieldAttacks(fields: FieldSpec[]): fc.Arbitrary<Attack>[] {
  const names = fc.constantFrom(...fields.map((field) => field.name));
  const textNames = fc.constantFrom(...fields.filter((field) => field.text).map((field) => field.name));
  const required = fields.filter((field) => field.required).map((field) => field.name);
  return [
    attack("wrong-type", fc.tuple(names, wrongTypeValue), (r, [name, value]) => withJsonField(r, name, value)),
    attack("nul:body", fc.tuple(textNames, nulString), (r, [name, value]) => withJsonField(r, name, value)),
    attack("huge", fc.tuple(textNames, hugeString), (r, [name, value]) => withJsonField(r, name, value)),
    attack("unicode", fc.tuple(textNames, oddText), (r, [name, value]) => withJsonField(r, name, value)),
    ...(required.length
      ? [
          attack("missing-field", fc.constantFrom(...required), (r, name) => {
            const { [name]: _dropped, ...rest } = r.json as Record<string, unknown>;
            return { ...r, json: rest };
          }),
        ]
      : []),
  ];
}

/** Attacks that replace or wrap the whole body; they apply to every endpoint, body or not. */
export const bodyAttacks: fc.Arbitrary<Attack>[] = [
  attack(
    "wrong-type",
    fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.constant(null), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 2 }))),
    (r, json) => ({
      ...r,
      json,
    }),
  ),
  attack(
    "unknown-field",
    fc.tuple(
      fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ minLength: 1, maxLength: 20 }), nulString),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    (r, [key, value]) => (typeof r.json === "object" && r.json !== null ? withJsonField(r, key, value) : { ...r, json: { [key]: value } }),
  ),
  attack("unknown-field", fc.integer({ min: 1_000, max: 50_000 }), (r, keys) => ({
    ...r,
    json: { ...(r.json as object), ...Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i])) },
  })),
  attack(
    "deep-nesting",
    fc.tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom("[", '{"a":'), fc.boolean()),
    (r, [depth, open, inField]) => {
      const nested = `${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}`;
      const body = JSON.stringify(r.json ?? {});
      return { ...r, raw: inField && body.startsWith("{") && body !== "{}" ? `{"deep":${nested},${body.slice(1)}` : nested };
    },
  ),
  attack("huge", fc.integer({ min: 100_000, max: 1_000_000 }), (r, length) => ({
    ...r,
    raw: `${JSON.stringify(r.json ?? {})}${" ".repeat(length)}`,
  })),
  attack(
    "malformed-json",
    fc.oneof(
      fc.constantFrom(
        "",
        " ",
        "{",
        "}",
        "[",
        '{"status":',
        "{'status':'MET'}",
        '{"a":1,}',
        "NaN",
        "undefined",
        "status=MET",
        "<x/>",
        '{"a":"\\x"}',
        '{"a":"\\ud800"}',
      ),
      fc.constantFrom('{"status":"MET\u0000"}', '{"\u0000":1}', "\uFEFF{}"),
      fc.string({ maxLength: 40 }),
    ),
    (r, raw) => ({ ...r, raw }),
  ),
  attack(
    "malformed-json",
    fc.constantFrom([0xff, 0xfe], [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d], [0xc0, 0xaf], [0x00]),
    (r, bytes) => ({
      ...r,
      raw: Buffer.from(bytes),
    }),
  ),
];

/** Every body attack for an endpoint whose body is a JSON object with these fields; `extra` adds the endpoint's own. */
export function objectBodyAttacks(fields: FieldSpec[], ...extra: fc.Arbitrary<Attack>[]): fc.Arbitrary<Attack>[] {
  return [...fieldAttacks(fields), ...extra, ...bodyAttacks];
}

/** Hostile replacements for one path segment whose valid value is `valid`. */
export function hostileSegment(valid: string): fc.Arbitrary<{ cls: string; segment: string }> {
  const as = (cls: string, segments: fc.Arbitrary<string>) => segments.map((segment) => ({ cls, segment }));
  return fc.oneof(
    as("nul:path", fc.constantFrom("%00", `${valid}%00`, `%00${valid}`, `${valid.slice(0, 3)}%00${valid.slice(3)}`)),
    as(
      "percent:path",
      fc.tuple(fc.constantFrom(...BROKEN_PERCENT), fc.constantFrom("", valid)).map(([broken, around]) => `${around}${broken}`),
    ),
    as("raw-bytes:path", fc.constantFrom("\u00ff", "\u0080", "caf\u00e9", `${valid}\u00fe`)),
    as(
      "path-param",
      fc.oneof(
        oddText.map(percentEncode),
        fc.constantFrom("..", ".", "%2e%2e", "%2F", "%2f..%2f", "%5C", "\\", "~", `${valid}%20`, valid.toUpperCase()),
        fc.uuid(),
        fc.integer({ min: 300, max: 4_000 }).map((length) => "a".repeat(length)),
      ),
    ),
  );
}

const queryPart = fc.oneof(
  fc.constantFrom("q=%00", "%00=1", "q=a%00b", "team=%00").map((part) => ({ cls: "nul:query", part })),
  fc
    .tuple(fc.constantFrom("q", "team", "%ff", "a"), fc.constantFrom(...BROKEN_PERCENT))
    .map(([key, broken]) => ({ cls: "percent:query", part: `${key}=${broken}` })),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.string({ unit: "binary", maxLength: 20 }))
    .map(([key, value]) => ({ cls: "query", part: `${percentEncode(key)}=${percentEncode(value)}` })),
);

/**
 * Attacks on the parts of a request around the body: path segments (never the first after /api/v1, so a dot segment
 * cannot lead out of the API), query string and headers.
 */
export function transportAttacks(params: { index: number; valid: string }[], extra: fc.Arbitrary<Attack>[] = []): fc.Arbitrary<Attack>[] {
  const pathAttacks = params.map(({ index, valid }) =>
    hostileSegment(valid).map(({ cls, segment }) => ({
      cls,
      apply: (r: FuzzRequest) => ({
        ...r,
        segments: index < r.segments.length ? r.segments.map((s, i) => (i === index ? segment : s)) : [...r.segments, segment],
        setup: r.setup && "segment" in r.setup && r.setup.segment === index ? undefined : r.setup,
      }),
    })),
  );
  return [
    ...pathAttacks,
    fc.array(queryPart, { minLength: 1, maxLength: 3 }).map((parts) => ({
      cls: [...new Set(parts.map((p) => p.cls))].sort().join("+"),
      apply: (r: FuzzRequest) => ({ ...r, query: `?${parts.map((p) => p.part).join("&")}` }),
    })),
    attack("content-type", fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }), (r, type) => {
      const { "content-type": _dropped, ...headers } = r.headers;
      return { ...r, headers: type === undefined ? headers : { ...headers, "content-type": type } };
    }),
    attack(
      "auth",
      fc.constantFrom(undefined, "Bearer", "Bearer ss_not-a-token", "Basic ZnV6ejpmdXp6", "bearer", "Bearer \u00ff"),
      (r, value) => {
        const { authorization, ...headers } = r.headers;
        return {
          ...r,
          headers:
            value === undefined ? headers : { ...headers, authorization: value === "bearer" ? `bearer ${authorization?.slice(7)}` : value },
        };
      },
    ),
    ...extra,
  ];
}

export type FuzzEndpoint = {
  method: string;
  /** The OpenAPI path, or "/api/v1/{path}" (method ANY: POST, PUT, PATCH, DELETE) for the JSON errors of other API paths. */
  template: string;
  requests: (world: FuzzWorld) => fc.Arbitrary<FuzzRequest>;
};

/** Where a valid request goes (and its class when that target is expected to be refused, e.g. another team's review). */
export type Target = { cls: string; segments: string[]; setup?: Setup; method?: string };

export const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const jsonHeaders = (world: FuzzWorld) => ({ authorization: `Bearer ${world.token}`, "content-type": "application/json" });

/** One valid request, then at most one body attack and one transport attack (about one request in six stays as it is). */
export function withAttacks(
  world: FuzzWorld,
  method: string,
  targets: fc.Arbitrary<Target>,
  bodies: fc.Arbitrary<unknown>,
  attacks: { body: fc.Arbitrary<Attack>[]; transport: fc.Arbitrary<Attack>[] },
): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(targets, bodies, fc.option(fc.oneof(...attacks.body), { freq: 3 }), fc.option(fc.oneof(...attacks.transport), { freq: 2 }))
    .map(([target, json, bodyAttack, transportAttack]) => {
      const base: FuzzRequest = {
        classes: [],
        method: target.method ?? method,
        segments: target.segments,
        query: "",
        headers: jsonHeaders(world),
        json,
        setup: target.setup,
      };
      const applied = [bodyAttack, transportAttack].filter((a): a is Attack => a !== null);
      const request = applied.reduce((r, a) => a.apply(r), base);
      const classes = [...(target.cls === "valid" ? [] : [target.cls]), ...applied.map((a) => a.cls)];
      return { ...request, classes: classes.length ? classes : ["valid"] };
    });
}

export const slug = fc.stringMatching(/^[a-z0-9-]{1,40}$/);
