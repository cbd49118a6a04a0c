import fc from "fast-check";
import { EVIDENCE_KINDS, REVIEW_TRIGGERS } from "../../lib/domain/types";
import {
  bodyAttacks,
  fieldAttacks,
  hostileUrlAttack,
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
        body: [
          ...fieldAttacks([
            { name: "trigger", required: true, text: true },
            { name: "targetDate", required: false, text: true },
            { name: "reviewerIds", required: false, text: false },
          ]),
          ...bodyAttacks,
        ],
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

const setAnswer: FuzzEndpoint = {
  method: "PUT",
  template: "/api/v1/reviews/{id}/answers/{itemKey}",
  requests: (world) => {
    const target = (cls: string, reviewId: string, itemKey: string): Target => ({
      cls,
      segments: ["reviews", reviewId, "answers", itemKey],
      setup: { kind: "version", reviewId, itemKey, offset: 0 },
    });
    const anyKey = fc.constantFrom(...world.answeredKeys, ...world.unansweredKeys);
    return withAttacks(
      world,
      "PUT",
      weighted<Target>(
        [6, anyKey.map((key) => target("valid", world.draftReviewId, key))],
        [1, anyKey.map((key) => target("decided", world.decidedReviewId, key))],
        [1, anyKey.map((key) => target("other-team", world.otherReviewId, key))],
        [1, fc.tuple(fc.uuid(), anyKey).map(([id, key]) => target("unknown-id", id, key))],
        [1, fc.stringMatching(/^[a-z]{1,10}\.[a-z-]{1,20}$/).map((key) => target("unknown-id", world.draftReviewId, key))],
      ),
      fc.oneof(
        fc.record(
          { status: fc.constantFrom("MET", "PARTIAL", "NOT_MET"), note: fc.string({ maxLength: 200 }) },
          { requiredKeys: ["status"] },
        ),
        fc.record(
          { status: fc.constant("NOT_APPLICABLE"), naReason: text(100), note: fc.string({ maxLength: 200 }) },
          { requiredKeys: ["status", "naReason"] },
        ),
      ),
      {
        body: [
          ...fieldAttacks([
            { name: "status", required: true, text: true },
            { name: "note", required: false, text: true },
            { name: "naReason", required: false, text: true },
          ]),
          ...bodyAttacks,
        ],
        transport: transportAttacks(
          [
            { index: 1, valid: world.draftReviewId },
            { index: 3, valid: world.answeredKeys[0]! },
          ],
          preconditionAttacks,
        ),
      },
    );
  },
};

const addEvidence: FuzzEndpoint = {
  method: "POST",
  template: "/api/v1/reviews/{id}/answers/{itemKey}/evidence",
  requests: (world) => {
    const target = (cls: string, reviewId: string, itemKey: string): Target => ({
      cls,
      segments: ["reviews", reviewId, "answers", itemKey, "evidence"],
    });
    return withAttacks(
      world,
      "POST",
      weighted<Target>(
        [5, fc.constantFrom(...world.answeredKeys).map((key) => target("valid", world.draftReviewId, key))],
        [1, fc.constantFrom(...world.unansweredKeys).map((key) => target("unanswered", world.draftReviewId, key))],
        [1, fc.constantFrom(...world.answeredKeys).map((key) => target("decided", world.decidedReviewId, key))],
        [1, fc.constantFrom(...world.answeredKeys).map((key) => target("other-team", world.otherReviewId, key))],
        [1, fc.uuid().map((id) => target("unknown-id", id, world.answeredKeys[0]!))],
      ),
      fc.record(
        { url: fc.webUrl({ validSchemes: ["http", "https"] }), title: text(80), kind: fc.constantFrom(...EVIDENCE_KINDS) },
        { requiredKeys: ["url", "title"] },
      ),
      {
        body: [
          ...fieldAttacks([
            { name: "url", required: true, text: true },
            { name: "title", required: true, text: true },
            { name: "kind", required: false, text: true },
          ]),
          hostileUrlAttack("url"),
          hostileUrlAttack("url"),
          ...bodyAttacks,
        ],
        transport: transportAttacks([
          { index: 1, valid: world.draftReviewId },
          { index: 3, valid: world.answeredKeys[0]! },
        ]),
      },
    );
  },
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
  requests: (world) => {
    const target = (cls: string, reviewId: string, itemKey: string): Target => ({
      cls,
      segments: ["reviews", reviewId, "answers", itemKey, "confirm"],
      setup: { kind: "version", reviewId, itemKey, offset: 0 },
    });
    const answered = fc.constantFrom(...world.answeredKeys);
    return withAttacks(
      world,
      "POST",
      weighted<Target>(
        [5, answered.map((key) => target("valid", world.draftReviewId, key))],
        [1, fc.constantFrom(...world.unansweredKeys).map((key) => target("unanswered", world.draftReviewId, key))],
        [1, answered.map((key) => target("decided", world.decidedReviewId, key))],
        [1, answered.map((key) => target("other-team", world.otherReviewId, key))],
        [1, fc.uuid().map((id) => target("unknown-id", id, world.answeredKeys[0]!))],
      ),
      fc.constant(undefined),
      {
        body: bodyAttacks,
        transport: transportAttacks(
          [
            { index: 1, valid: world.draftReviewId },
            { index: 3, valid: world.answeredKeys[0]! },
          ],
          preconditionAttacks,
        ),
      },
    );
  },
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
    const concern = fc.constantFrom(...world.concernKeys);
    return withAttacks(
      world,
      "POST",
      weighted<Target>(
        [5, concern.map((key) => target("valid", world.draftReviewId, key))],
        [1, concern.map((key) => target("stale-tag", world.draftReviewId, key, true))],
        [1, concern.map((key) => target("decided", world.decidedReviewId, key))],
        [1, concern.map((key) => target("other-team", world.otherReviewId, key))],
        [1, slug.map((key) => target("unknown-id", world.draftReviewId, key))],
        [1, fc.uuid().map((id) => target("unknown-id", id, world.concernKeys[0]!))],
      ),
      fc.constant(undefined),
      {
        body: bodyAttacks,
        transport: transportAttacks(
          [
            { index: 1, valid: world.draftReviewId },
            { index: 3, valid: world.concernKeys[0]! },
          ],
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

export const FUZZ_ENDPOINTS: FuzzEndpoint[] = [
  startReview,
  setAnswer,
  confirmAnswer,
  confirmConcern,
  addEvidence,
  removeEvidence,
  unknownPaths,
];
