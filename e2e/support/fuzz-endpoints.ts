import fc from "fast-check";
import { CONCERN_WORK_STATUSES } from "../../lib/domain/concern-assignments";
import { EVIDENCE_KINDS, REVIEW_TRIGGERS } from "../../lib/domain/types";
import {
  bodyAttacks,
  hostileUrlAttack,
  objectBodyAttacks,
  slug,
  transportAttacks,
  weighted,
  withAttacks,
  type Attack,
  type FuzzEndpoint,
  type FuzzRequest,
  type Setup,
  type Target,
} from "./fuzz-attacks";
import { unknownPaths } from "./fuzz-unknown-paths";
import type { FuzzWorld } from "./fuzz-world";

// Every mutating /api/v1 endpoint (and, in fuzz-unknown-paths.ts, every other path and method under /api/v1), each with valid requests (aimed at things the token's owner may or may not
// change) that the hostile classes of fuzz-attacks.ts are mixed into. A test compares this list with the
// mutating operations of the OpenAPI document, so a new endpoint cannot go unfuzzed.

const isoDay = fc
  .date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const text = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((s) => s.trim() !== "");

const startReview: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/services/{slug}/reviews",
  requests: (world) =>
    withAttacks(
      world,
      "POST",
      weighted<Target>(
        [3, fc.constant({ cls: "valid", segments: ["services", "(fresh)", "reviews"], setup: { kind: "fresh-service", segment: 1 } })],
        [1, fc.constant({ cls: "open-review", segments: ["services", world.serviceSlug, "reviews"] })],
        [1, fc.constant({ cls: "other-team", segments: ["services", world.otherServiceSlug, "reviews"] })],
        [1, slug.map((s) => ({ cls: "unknown-id", segments: ["services", s, "reviews"] }))],
      ),
      fc.record(
        { trigger: fc.constantFrom(...REVIEW_TRIGGERS), targetDate: isoDay, reviewerIds: fc.constantFrom([], [world.userId]) },
        { requiredKeys: ["trigger"] },
      ),
      {
        body: objectBodyAttacks([
          { name: "trigger", required: true, text: true },
          { name: "targetDate", required: false, text: true },
          { name: "reviewerIds", required: false, text: false },
        ]),
        transport: transportAttacks([{ index: 1, valid: world.serviceSlug }]),
      },
    ),
};

const CHECK_STATUSES = ["PASSING", "WARNING", "FAILING"] as const;

const recordChecks: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/services/{slug}/checks",
  requests: (world) =>
    withAttacks(
      world,
      "POST",
      weighted<Target>(
        [4, fc.constant({ cls: "valid", segments: ["services", world.serviceSlug, "checks"] })],
        [1, fc.constant({ cls: "other-team", segments: ["services", world.otherServiceSlug, "checks"] })],
        [1, slug.map((s) => ({ cls: "unknown-id", segments: ["services", s, "checks"] }))],
      ),
      fc.record({
        results: fc.array(
          fc.record(
            {
              itemKey: fc.constantFrom(...world.answeredKeys, ...world.unansweredKeys),
              status: fc.constantFrom(...CHECK_STATUSES),
              summary: fc.string({ maxLength: 40 }),
              detailsUrl: fc.constant("https://ci.example.com/run/1"),
              validForMinutes: fc.integer({ min: 5, max: 10_000 }),
            },
            { requiredKeys: ["itemKey", "status"] },
          ),
          { minLength: 1, maxLength: 5 },
        ),
      }),
      {
        body: objectBodyAttacks([{ name: "results", required: true, text: true }]),
        transport: transportAttacks([{ index: 1, valid: world.serviceSlug }]),
      },
    ),
};

const GARBAGE_PRECONDITIONS = ["abc", '"abc"', "*", '""', '"-1"', '"1.5"', '"9999999999"', 'W/"x"', '"1", "2"', "   ", '"0"', "**"];

/** Missing, stale and malformed If-Match / If-None-Match in place of the answer's current version. */
const preconditionAttacks: fc.Arbitrary<Attack>[] = [
  fc.constant({ cls: "precondition", apply: (r: FuzzRequest) => ({ ...r, setup: undefined }) }),
  fc.constantFrom(-2, -1, 1, 2).map((offset) => ({
    cls: "precondition",
    apply: (r: FuzzRequest) => ({ ...r, setup: r.setup?.kind === "version" ? { ...r.setup, offset } : r.setup }),
  })),
  fc
    .tuple(fc.constantFrom("if-match", "if-none-match"), fc.constantFrom(...GARBAGE_PRECONDITIONS), fc.boolean())
    .map(([header, value, keepVersion]) => ({
      cls: "precondition",
      apply: (r: FuzzRequest) => ({ ...r, headers: { ...r.headers, [header]: value }, setup: keepVersion ? r.setup : undefined }),
    })),
];

type Aim = [weight: number, targets: fc.Arbitrary<Target>];

/**
 * Requests at one thing of a review (an item or a concern, `/reviews/{id}/…/{key}`): mostly at the token owner's
 * draft, then at a decided review, another team's review and unknown review ids, plus the endpoint's own aims.
 * The transport attacks take the review id (segment 1) and the key (segment 3).
 */
function reviewScoped(
  world: FuzzWorld,
  method: string,
  spec: {
    target: (cls: string, reviewId: string, key: string) => Target;
    /** The keys a valid request may name, and `keys[0]` the one a hostile path segment replaces. */
    keys: string[];
    validWeight: number;
    /** Aims of the endpoint's own that are refused, e.g. an item with no answer yet. */
    refused?: Aim[];
    /** Keys the draft does not have, on top of unknown review ids. */
    unknownKeys?: fc.Arbitrary<string>;
    bodies: fc.Arbitrary<unknown>;
    bodyAttacks: fc.Arbitrary<Attack>[];
    preconditions?: fc.Arbitrary<Attack>[];
  },
): fc.Arbitrary<FuzzRequest> {
  const { target } = spec;
  const keys = fc.constantFrom(...spec.keys);
  return withAttacks(
    world,
    method,
    weighted<Target>(
      [spec.validWeight, keys.map((key) => target("valid", world.draftReviewId, key))],
      ...(spec.refused ?? []),
      [1, keys.map((key) => target("decided", world.decidedReviewId, key))],
      [1, keys.map((key) => target("other-team", world.otherReviewId, key))],
      [1, fc.tuple(fc.uuid(), keys).map(([id, key]) => target("unknown-id", id, key))],
      ...(spec.unknownKeys ? [[1, spec.unknownKeys.map((key) => target("unknown-id", world.draftReviewId, key))] as Aim] : []),
    ),
    spec.bodies,
    {
      body: spec.bodyAttacks,
      transport: transportAttacks(
        [
          { index: 1, valid: world.draftReviewId },
          { index: 3, valid: spec.keys[0]! },
        ],
        spec.preconditions,
      ),
    },
  );
}

const setAnswer: FuzzEndpoint = {
  method: "PUT",
  template: "/api/v1/reviews/{id}/answers/{itemKey}",
  requests: (world) =>
    reviewScoped(world, "PUT", {
      target: (cls, reviewId, itemKey) => ({
        cls,
        segments: ["reviews", reviewId, "answers", itemKey],
        setup: { kind: "version", reviewId, itemKey, offset: 0 },
      }),
      keys: [...world.answeredKeys, ...world.unansweredKeys],
      validWeight: 6,
      unknownKeys: fc.stringMatching(/^[a-z]{1,10}\.[a-z-]{1,20}$/),
      bodies: fc.oneof(
        fc.record(
          { status: fc.constantFrom("MET", "PARTIAL", "NOT_MET"), note: fc.string({ maxLength: 200 }) },
          { requiredKeys: ["status"] },
        ),
        fc.record(
          { status: fc.constant("NOT_APPLICABLE"), naReason: text(100), note: fc.string({ maxLength: 200 }) },
          { requiredKeys: ["status", "naReason"] },
        ),
      ),
      bodyAttacks: objectBodyAttacks([
        { name: "status", required: true, text: true },
        { name: "note", required: false, text: true },
        { name: "naReason", required: false, text: true },
      ]),
      preconditions: preconditionAttacks,
    }),
};

/** reviewScoped at an answered item, `/reviews/{id}/answers/{itemKey}/{action}`; an item with no answer yet is refused. */
function answeredItemScoped(
  world: FuzzWorld,
  action: string,
  spec: { versioned: boolean; bodies: fc.Arbitrary<unknown>; bodyAttacks: fc.Arbitrary<Attack>[]; preconditions?: fc.Arbitrary<Attack>[] },
): fc.Arbitrary<FuzzRequest> {
  const target = (cls: string, reviewId: string, itemKey: string): Target => ({
    cls,
    segments: ["reviews", reviewId, "answers", itemKey, action],
    setup: spec.versioned ? { kind: "version", reviewId, itemKey, offset: 0 } : undefined,
  });
  return reviewScoped(world, "POST", {
    ...spec,
    target,
    keys: world.answeredKeys,
    validWeight: 5,
    refused: [[1, fc.constantFrom(...world.unansweredKeys).map((key) => target("unanswered", world.draftReviewId, key))]],
  });
}

const addEvidence: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/reviews/{id}/answers/{itemKey}/evidence",
  requests: (world) =>
    answeredItemScoped(world, "evidence", {
      versioned: false,
      bodies: fc.record(
        { url: fc.webUrl({ validSchemes: ["http", "https"] }), title: text(80), kind: fc.constantFrom(...EVIDENCE_KINDS) },
        { requiredKeys: ["url", "title"] },
      ),
      bodyAttacks: objectBodyAttacks(
        [
          { name: "url", required: true, text: true },
          { name: "title", required: true, text: true },
          { name: "kind", required: false, text: true },
        ],
        hostileUrlAttack("url"),
        hostileUrlAttack("url"),
      ),
    }),
};

const removeEvidence: FuzzEndpoint = {
  method: "DELETE",
  template: "/api/v1/reviews/{id}/evidence/{evidenceId}",
  requests: (world) => {
    const target = (cls: string, reviewId: string, evidenceId: string, setup?: Setup): Target => ({
      cls,
      segments: ["reviews", reviewId, "evidence", evidenceId],
      setup,
    });
    return withAttacks(
      world,
      "DELETE",
      weighted<Target>(
        [
          4,
          fc.constantFrom(...world.answeredKeys).map((itemKey) =>
            target("valid", world.draftReviewId, "(fresh)", {
              kind: "fresh-evidence",
              segment: 3,
              reviewId: world.draftReviewId,
              itemKey,
            }),
          ),
        ],
        [1, fc.constantFrom(...world.evidenceIds).map((id) => target("valid", world.draftReviewId, id))],
        [
          1,
          fc
            .constantFrom(world.draftReviewId, world.otherReviewId)
            .map((reviewId) => target("other-team", reviewId, world.otherEvidenceId)),
        ],
        [1, fc.uuid().map((id) => target("unknown-id", world.draftReviewId, id))],
        [1, fc.uuid().map((id) => target("decided", world.decidedReviewId, id))],
      ),
      fc.constant(undefined),
      {
        body: bodyAttacks,
        transport: transportAttacks([
          { index: 1, valid: world.draftReviewId },
          { index: 3, valid: world.evidenceIds[0]! },
        ]),
      },
    );
  },
};

const confirmAnswer: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/reviews/{id}/answers/{itemKey}/confirm",
  requests: (world) =>
    answeredItemScoped(world, "confirm", {
      versioned: true,
      bodies: fc.constant(undefined),
      bodyAttacks,
      preconditions: preconditionAttacks,
    }),
};

const GARBAGE_TAGS = ['"v1.1"', '"v"', '"1.2"', "v1", '"v1;2"', '"v1.1", "v2"', "*", '"v' + "1.".repeat(2000) + '"'];

const confirmConcern: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/reviews/{id}/concerns/{concernKey}/confirm",
  requests: (world) => {
    const target = (cls: string, reviewId: string, concernKey: string, stale = false): Target => ({
      cls,
      segments: ["reviews", reviewId, "concerns", concernKey, "confirm"],
      setup: { kind: "concern-tag", reviewId, concernKey, stale },
    });
    return reviewScoped(world, "POST", {
      target,
      keys: world.concernKeys,
      validWeight: 5,
      refused: [[1, fc.constantFrom(...world.concernKeys).map((key) => target("stale-tag", world.draftReviewId, key, true))]],
      unknownKeys: slug,
      bodies: fc.constant(undefined),
      bodyAttacks,
      preconditions: [
        fc.constant({ cls: "precondition", apply: (r: FuzzRequest) => ({ ...r, setup: undefined }) }),
        fc.constantFrom(...GARBAGE_TAGS).map((value) => ({
          cls: "precondition",
          apply: (r: FuzzRequest) => ({ ...r, headers: { ...r.headers, "if-match": value }, setup: undefined }),
        })),
      ],
    });
  },
};

const confirmReview: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/reviews/{id}/confirm",
  requests: (world) => {
    const target = (cls: string, reviewId: string, stale = false): Target => ({
      cls,
      segments: ["reviews", reviewId, "confirm"],
      setup: { kind: "concern-tag", reviewId, concernKey: null, stale },
    });
    return withAttacks(
      world,
      "POST",
      weighted<Target>(
        [5, fc.constant(target("valid", world.draftReviewId))],
        [1, fc.constant(target("stale-tag", world.draftReviewId, true))],
        [1, fc.constant(target("decided", world.decidedReviewId))],
        [1, fc.constant(target("other-team", world.otherReviewId))],
        [1, fc.uuid().map((id) => target("unknown-id", id))],
      ),
      fc.constant(undefined),
      {
        body: bodyAttacks,
        transport: transportAttacks(
          [{ index: 1, valid: world.draftReviewId }],
          [
            fc.constant({ cls: "precondition", apply: (r: FuzzRequest) => ({ ...r, setup: undefined }) }),
            fc.constantFrom(...GARBAGE_TAGS).map((value) => ({
              cls: "precondition",
              apply: (r: FuzzRequest) => ({ ...r, headers: { ...r.headers, "if-match": value }, setup: undefined }),
            })),
          ],
        ),
      },
    );
  },
};

const setAssignment: FuzzEndpoint = {
  method: "PUT",
  template: "/api/v1/reviews/{id}/concerns/{concernKey}/assignment",
  requests: (world) =>
    reviewScoped(world, "PUT", {
      target: (cls, reviewId, concernKey) => ({
        cls,
        segments: ["reviews", reviewId, "concerns", concernKey, "assignment"],
        setup: { kind: "assignment-version", reviewId, concernKey, offset: 0 },
      }),
      keys: world.concernKeys,
      validWeight: 5,
      unknownKeys: slug,
      bodies: fc.record({
        assignee: fc.constantFrom(world.userEmail, world.userEmail.toUpperCase(), null),
        status: fc.constantFrom(...CONCERN_WORK_STATUSES),
      }),
      bodyAttacks: objectBodyAttacks([
        { name: "assignee", required: true, text: true },
        { name: "status", required: true, text: true },
      ]),
      preconditions: [
        fc.constant({ cls: "precondition", apply: (r: FuzzRequest) => ({ ...r, setup: undefined }) }),
        fc.constantFrom(-2, -1, 1, 2).map((offset) => ({
          cls: "precondition",
          apply: (r: FuzzRequest) => ({ ...r, setup: r.setup?.kind === "assignment-version" ? { ...r.setup, offset } : r.setup }),
        })),
        fc.constantFrom(...GARBAGE_PRECONDITIONS).map((value) => ({
          cls: "precondition",
          apply: (r: FuzzRequest) => ({ ...r, headers: { ...r.headers, "if-match": value }, setup: undefined }),
        })),
      ],
    }),
};

export const FUZZ_ENDPOINTS: FuzzEndpoint[] = [
  startReview,
  recordChecks,
  setAnswer,
  confirmAnswer,
  confirmConcern,
  confirmReview,
  setAssignment,
  addEvidence,
  removeEvidence,
  unknownPaths,
];
