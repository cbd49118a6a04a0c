import fc from "fast-check";
import { bodyAttacks, slug, transportAttacks, weighted, withAttacks, type FuzzEndpoint, type Target } from "./fuzz-attacks";
import type { FuzzWorld } from "./fuzz-world";

// The rest of /api/v1 for mutating methods: paths no handler serves, and methods a real path does not serve.
// Both must answer with the API's JSON error, never Next's HTML page or an empty body.

/** Mutating methods on API paths that serve other methods only. */
function wrongMethods(world: FuzzWorld): [string, string[]][] {
  const review = ["reviews", world.draftReviewId];
  const answer = [...review, "answers", world.answeredKeys[0]!];
  const routes: [string[], string[]][] = [
    [["services"], ["POST", "PUT", "PATCH", "DELETE"]],
    [
      ["services", world.serviceSlug],
      ["POST", "PUT", "PATCH", "DELETE"],
    ],
    [
      ["services", world.serviceSlug, "reviews"],
      ["PUT", "PATCH", "DELETE"],
    ],
    [review, ["POST", "PUT", "PATCH", "DELETE"]],
    [answer, ["POST", "PATCH", "DELETE"]],
    [
      [...answer, "evidence"],
      ["PUT", "PATCH", "DELETE"],
    ],
    [
      [...review, "evidence", world.evidenceIds[0]!],
      ["POST", "PUT", "PATCH"],
    ],
    [["openapi.json"], ["POST", "PUT", "PATCH", "DELETE"]],
  ];
  return routes.flatMap(([segments, methods]) => methods.map((method): [string, string[]] => [method, segments]));
}

/** Paths no handler serves, or a method the path does not serve: a JSON error, never Next's HTML page or an empty body. */
export const unknownPaths: FuzzEndpoint = {
  method: "ANY",
  template: "/api/v1/{path}",
  requests: (world) =>
    fc.constantFrom("POST", "PUT", "PATCH", "DELETE").chain((method) =>
      withAttacks(
        world,
        method,
        weighted<Target>(
          [
            3,
            fc
              .array(slug, { minLength: 1, maxLength: 4 })
              .filter(([first]) => first !== "services" && first !== "reviews")
              .map((segments) => ({ cls: "unknown-path", segments })),
          ],
          [
            2,
            fc
              .constantFrom<string[]>(
                ["reviews", world.draftReviewId, "answers"],
                ["reviews", world.draftReviewId, "answers", world.answeredKeys[0]!, "evidence", "x"],
                ["reviews", world.draftReviewId, "evidence"],
                ["services", world.serviceSlug, "reviews", "x"],
                ["reviews", "x", "y"],
              )
              .map((segments) => ({ cls: "unknown-path", segments })),
          ],
          [2, fc.constantFrom(...wrongMethods(world)).map(([wrong, segments]) => ({ cls: "wrong-method", method: wrong, segments }))],
        ),
        fc.jsonValue({ maxDepth: 3 }),
        { body: bodyAttacks, transport: transportAttacks([{ index: 1, valid: world.draftReviewId }]) },
      ),
    ),
};
