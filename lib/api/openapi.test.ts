import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { answerBody, createReviewBody, evidenceBody } from "@/lib/schemas/api";
import { concernAssignmentBody } from "@/lib/schemas/concern-assignment";

const API_DIR = path.resolve("app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler file under app/api/v1 as "METHOD /api/v1/path/{param}". */
function implementedOperations(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const rel = path.relative(API_DIR, path.dirname(full));
        // The catch-all only answers 404 for unknown paths; it is not part of the contract.
        if (rel.includes("[...")) continue;
        const route = `/api/v1${
          rel
            ? `/${rel
                .split(path.sep)
                .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
                .join("/")}`
            : ""
        }`;
        // `export const { … } = otherMethods(…)` answers 405 for the methods a path does not serve: not operations.
        const source = readFileSync(full, "utf8");
        for (const method of METHODS) {
          const exported = new RegExp(`export (const|async function|function) ${method}\\b|as ${method}\\b`).test(source);
          if (exported) found.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

function documentedOperations(): string[] {
  const doc = openApiDocument();
  return Object.entries(doc.paths)
    .flatMap(([route, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${route}`))
    .sort();
}

describe("the OpenAPI document", () => {
  it("describes exactly the route handlers that exist", () => {
    expect(documentedOperations()).toEqual(implementedOperations());
  });

  it("uses the same request schemas the handlers parse with", () => {
    const paths = openApiDocument().paths;
    const bodyOf = (op: { requestBody?: { content: { "application/json": { schema: unknown } } } }) =>
      op.requestBody?.content["application/json"].schema;
    const io = { io: "input" as const, unrepresentable: "any" as const };
    expect(bodyOf(paths["/api/v1/reviews/{id}/answers/{itemKey}"].put)).toEqual(z.toJSONSchema(answerBody, io));
    expect(bodyOf(paths["/api/v1/services/{slug}/reviews"].post)).toEqual(z.toJSONSchema(createReviewBody, io));
    expect(bodyOf(paths["/api/v1/reviews/{id}/answers/{itemKey}/evidence"].post)).toEqual(z.toJSONSchema(evidenceBody, io));
    expect(bodyOf(paths["/api/v1/reviews/{id}/concerns/{concernKey}/assignment"].put)).toEqual(z.toJSONSchema(concernAssignmentBody, io));
  });

  it("documents the concurrency contract of answer writes", () => {
    const put = openApiDocument().paths["/api/v1/reviews/{id}/answers/{itemKey}"].put;
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(["412", "428", "422", "403"]));
    expect(put.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["If-Match", "If-None-Match"]));
  });
});

describe("the OpenAPI document's authentication", () => {
  type Operation = { security?: Record<string, string[]>[]; responses: Record<string, unknown> };
  const operations = () =>
    Object.entries(openApiDocument().paths).flatMap(([route, ops]) =>
      Object.entries(ops as Record<string, Operation>).map(([method, op]) => ({ name: `${method.toUpperCase()} ${route}`, method, op })),
    );

  it("asks for a write-scoped token for every change, and only a read-scoped one for reads", () => {
    const doc = openApiDocument();
    expect(doc.security).toEqual([{ bearerToken: ["read"] }, { session: [] }]);
    const writes = operations().filter((o) => o.method !== "get");
    expect(writes.length).toBeGreaterThan(0);
    for (const { name, op } of writes) expect(op.security, name).toEqual([{ bearerToken: ["write"] }, { session: [] }]);
    for (const { name, op } of operations().filter((o) => o.method === "get" && !o.name.endsWith("openapi.json"))) {
      expect(op.security, name).toBeUndefined();
    }
  });

  it("documents the per-token limit on every authenticated operation", () => {
    for (const { name, op } of operations().filter((o) => !o.name.endsWith("openapi.json"))) {
      expect(Object.keys(op.responses), name).toContain("429");
    }
  });
});
