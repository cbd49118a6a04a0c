import { z } from "zod";
import { checkResultsBody } from "@/lib/schemas/checks";
import {
  answerBody,
  concernAssignmentResponse,
  createReviewBody,
  errorBody,
  evidenceBody,
  gateQuery,
  gateResponse,
  reviewResponse,
  servicesQuery,
} from "@/lib/schemas/api";
import { concernAssignmentBody } from "@/lib/schemas/concern-assignment";
import packageJson from "@/package.json";

// The API's contract, generated from the same zod schemas the handlers parse with. A test checks that every
// route handler under app/api/v1 is described here and nothing else is.

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

const json = (description: string, body?: z.ZodType) => ({
  description,
  content: { "application/json": { schema: body ? schema(body) : { type: "object" } } },
});

const errors = {
  "400": json("Malformed request (bad JSON, bad header)", errorBody),
  "401": json("No session, or the API token is unknown, revoked or expired", errorBody),
  "403": json("Not allowed to do this (including any change made with a read-only token)", errorBody),
  "404": json("Not found", errorBody),
  "422": json("Invalid fields; `error.fields` names each one", errorBody),
  "429": json("Too many requests with this API token; retry after the Retry-After header (seconds)", errorBody),
  "503": json("The database is unavailable; retry after the Retry-After header", errorBody),
};

// OpenAPI 3.1 lets any scheme name the roles it needs: reads need a token's `read` scope (every token has
// it), changes its `write` scope. A browser session acts with its person's role.
const writeSecurity = [{ bearerToken: ["write"] }, { session: [] }];

const pathParam = (name: string, description: string) => ({ name, in: "path", required: true, schema: { type: "string" }, description });

function queryParams(s: z.ZodObject) {
  return Object.entries(s.shape).map(([name, field]) => ({ name, in: "query", required: false, schema: schema(field as z.ZodType) }));
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Shipshape review API",
      version: packageJson.version,
      description:
        "Production readiness reviews for CI pipelines and scripts. Authenticate with a personal API token (`Authorization: Bearer ss_…`, created under API tokens) or a browser session. A token is read only or read and write, expires on the day chosen when it was created (at most a year), and is limited to a number of requests per minute (429 with Retry-After beyond it).",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: ["read"] }, { session: [] }],
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token with scope `read` (read only) or `write` (read and write), and an expiry",
        },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    paths: {
      "/api/v1/services": {
        get: {
          summary: "List services",
          parameters: queryParams(servicesQuery),
          responses: { "200": json("A page of services"), ...errors },
        },
      },
      "/api/v1/services/{slug}": {
        get: {
          summary: "Get a service and its reviews",
          parameters: [pathParam("slug", "Service slug")],
          responses: { "200": json("The service"), ...errors },
        },
      },
      "/api/v1/services/{slug}/checks": {
        get: {
          summary: "The latest automated check result of each checklist item of a service",
          description:
            "Each result has its source (`HTTP_PROBE` or `CI`), when it was observed, until when it counts, and whether it is still `fresh`.",
          parameters: [pathParam("slug", "Service slug")],
          responses: { "200": json("The latest result per item"), ...errors },
        },
        post: {
          summary: "Record check results from CI (editors of the owning team)",
          security: writeSecurity,
          description:
            "Many item results at once, all or none: a result naming an unknown item key is a 422 naming `results.<n>.itemKey`. A result suggests an answer (passing: met, warning: partially met, failing: not met) until it expires; a person still confirms it in the review.",
          parameters: [pathParam("slug", "Service slug")],
          requestBody: { required: true, ...json("The results", checkResultsBody) },
          responses: { "201": json("Recorded; `recorded` counts the results"), ...errors },
        },
      },
      "/api/v1/services/{slug}/gate": {
        get: {
          summary: "The deploy gate: may this service ship today?",
          description:
            "The verdict of the service's latest decided review, with its answers evaluated again today (an approved waiver that has expired or was revoked since no longer counts) and the stricter of that and the approver's decision; a decision older than 90 days or a changed tier makes it conditional. A service never decided is no-go. With `strict=true` a no-go answers 409 (with `strict=conditional` a conditional go too), so a pipeline can fail on the status alone.",
          parameters: [pathParam("slug", "Service slug"), ...queryParams(gateQuery)],
          responses: {
            "200": json("The verdict with its reasons and the decision it rests on", gateResponse),
            "409": json("Strict mode: the verdict does not pass; the body is the same as for 200", gateResponse),
            ...errors,
          },
        },
      },
      "/api/v1/services/{slug}/reviews": {
        post: {
          summary: "Start a review of a service (editors of the owning team)",
          security: writeSecurity,
          parameters: [pathParam("slug", "Service slug")],
          requestBody: { required: true, ...json("The review to start", createReviewBody) },
          responses: {
            "201": json("The new review with its computed level and verdict"),
            "409": json("An open review already exists; `error.openReviewId` names it", errorBody),
            ...errors,
          },
        },
      },
      "/api/v1/reviews/{id}": {
        get: {
          summary: "Get a review with its computed level, verdict and reasons",
          description:
            "Each answer has its `origin` (`CARRIED` from `carriedFromReviewId`, or `ANSWERED_HERE`) and whether it is `confirmed`; `carryForward` counts the carried answers that wait and gives each concern's tag for confirming it at once. `assignments` has one entry per concern: who of the owning team works on it, its status and its version (see PUT …/concerns/{concernKey}/assignment).",
          parameters: [pathParam("id", "Review id")],
          responses: { "200": json("The review", reviewResponse), ...errors },
        },
      },
      "/api/v1/reviews/{id}/answers/{itemKey}": {
        put: {
          summary: "Set the answer to one checklist item",
          security: writeSecurity,
          description:
            'Optimistic concurrency: send `If-Match: "<version>"` to update the answer you last saw, or `If-None-Match: *` to create it. A stale version gets 412 with the current answer; no precondition gets 428.',
          parameters: [
            pathParam("id", "Review id"),
            pathParam("itemKey", "Checklist item key, e.g. health.healthz-endpoint"),
            { name: "If-Match", in: "header", required: false, schema: { type: "string" } },
            { name: "If-None-Match", in: "header", required: false, schema: { type: "string", enum: ["*"] } },
          ],
          requestBody: { required: true, ...json("The answer", answerBody) },
          responses: {
            "200": json("Updated; the ETag header carries the new version"),
            "201": json("Created; the ETag header carries the version"),
            "409": json("The review is no longer editable (submitted or decided)", errorBody),
            "412": json("The answer changed since the given version; `error.current` holds it", errorBody),
            "428": json("Neither If-Match nor If-None-Match was sent", errorBody),
            ...errors,
          },
        },
      },
      "/api/v1/reviews/{id}/answers/{itemKey}/confirm": {
        post: {
          summary: "Confirm an answer carried forward from the previous review (editors of the owning team)",
          security: writeSecurity,
          description:
            'A carried answer (`origin: "CARRIED"`, `confirmed: false`) counts toward the level and verdict only once confirmed. Send `If-Match: "<version>"` with the answer\'s version; a stale version gets 412 with the current answer, no If-Match 428. Changing a carried answer\'s status with PUT confirms it too.',
          parameters: [
            pathParam("id", "Review id"),
            pathParam("itemKey", "Checklist item key"),
            { name: "If-Match", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: {
            "200": json("Confirmed; the ETag header carries the answer's new version"),
            "409": json("Nothing to confirm (answered here or already confirmed), or the review is no longer editable", errorBody),
            "412": json("The answer changed since the given version; `error.current` holds it", errorBody),
            "428": json("No If-Match was sent", errorBody),
            ...errors,
          },
        },
      },
      "/api/v1/reviews/{id}/concerns/{concernKey}/confirm": {
        post: {
          summary: "Confirm every carried answer of one concern that still waits (editors of the owning team)",
          security: writeSecurity,
          description:
            "Send `If-Match: \"<tag>\"` with the concern's tag from `carryForward.concerns[].tag` of GET /api/v1/reviews/{id}. Any edit or confirmation of the concern's carried answers moves the tag on; a stale tag gets 412 with the current tag and the items that wait.",
          parameters: [
            pathParam("id", "Review id"),
            pathParam("concernKey", "Concern key, e.g. logging"),
            { name: "If-Match", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: {
            "200": json("The answers confirmed and the concern's new tag (also in the ETag header)"),
            "409": json("Nothing in the concern waits for confirmation, or the review is no longer editable", errorBody),
            "412": json("The concern's carried answers changed; `error.current` holds the tag and what waits now", errorBody),
            "428": json("No If-Match was sent", errorBody),
            ...errors,
          },
        },
      },
      "/api/v1/reviews/{id}/confirm": {
        post: {
          summary: "Confirm every carried answer of the review that still waits (editors of the owning team)",
          security: writeSecurity,
          description:
            'For a review started from the previous one where nothing changed. Send `If-Match: "<tag>"` with `carryForward.tag` of GET /api/v1/reviews/{id}; any edit or confirmation of a carried answer moves the tag on, and a stale tag gets 412 with the current tag and the items that wait.',
          parameters: [pathParam("id", "Review id"), { name: "If-Match", in: "header", required: true, schema: { type: "string" } }],
          responses: {
            "200": json("The answers confirmed and the review's new tag (also in the ETag header)"),
            "409": json("Nothing waits for confirmation, or the review is no longer editable", errorBody),
            "412": json("The review's carried answers changed; `error.current` holds the tag and what waits now", errorBody),
            "428": json("No If-Match was sent", errorBody),
            ...errors,
          },
        },
      },
      "/api/v1/reviews/{id}/concerns/{concernKey}/assignment": {
        put: {
          summary: "Assign a concern to an editor of the owning team and set its status (editors of the owning team, draft reviews)",
          security: writeSecurity,
          description:
            'Send `If-Match: "<version>"` with the concern\'s `assignments[].version` from GET /api/v1/reviews/{id} (`"0"` for a concern nobody has assigned or started yet). A stale version gets 412 with the assignment as it is now; no If-Match 428. Saving the first answer of a not-started concern moves it to IN_PROGRESS (and its version on). DONE is accepted with items still unanswered; `openItems` in the response counts them.',
          parameters: [
            pathParam("id", "Review id"),
            pathParam("concernKey", "Concern key, e.g. logging"),
            { name: "If-Match", in: "header", required: true, schema: { type: "string" } },
          ],
          requestBody: { required: true, ...json("Who works on the concern and its status", concernAssignmentBody) },
          responses: {
            "200": json("The assignment; the ETag header carries its new version", concernAssignmentResponse),
            "409": json("The review is no longer a draft", errorBody),
            "412": json("The assignment changed since the given version; `error.current` holds it", errorBody),
            "428": json("No If-Match was sent", errorBody),
            ...errors,
          },
        },
      },
      "/api/v1/reviews/{id}/answers/{itemKey}/evidence": {
        post: {
          summary: "Add an evidence link to an answered item",
          security: writeSecurity,
          parameters: [pathParam("id", "Review id"), pathParam("itemKey", "Checklist item key")],
          requestBody: { required: true, ...json("The evidence link", evidenceBody) },
          responses: { "201": json("The evidence"), "409": json("The review is no longer editable", errorBody), ...errors },
        },
      },
      "/api/v1/reviews/{id}/evidence/{evidenceId}": {
        delete: {
          summary: "Remove an evidence link",
          security: writeSecurity,
          parameters: [pathParam("id", "Review id"), pathParam("evidenceId", "Evidence id")],
          responses: { "204": { description: "Removed" }, "409": json("The review is no longer editable", errorBody), ...errors },
        },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", security: [], responses: { "200": json("OpenAPI 3.1 document") } },
      },
    },
  };
}
