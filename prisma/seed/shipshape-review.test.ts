import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headingAnchors } from "@/lib/docs/heading-slug";
import { listDocs } from "@/lib/docs/catalog";
import { DEFAULT_TEMPLATE, flattenTemplateItems } from "@/lib/domain/default-template";
import { defaultTierTargets } from "@/lib/domain/targets";
import { evaluateReview } from "@/lib/domain/verdict";
import { SHIPSHAPE_ANSWERS, SHIPSHAPE_SERVICE } from "@/prisma/seed/shipshape-review";
import { evidenceUrl } from "@/prisma/seed/shipshape";

const items = flattenTemplateItems(DEFAULT_TEMPLATE);

function evaluation() {
  return evaluateReview({
    items,
    tier: SHIPSHAPE_SERVICE.tier,
    answers: Object.fromEntries(
      Object.entries(SHIPSHAPE_ANSWERS).map(([key, a]) => [key, { status: a.status, naReason: a.naReason ?? null }]),
    ),
    waivers: [],
    today: "2026-12-01",
    tierTargets: defaultTierTargets,
  });
}

describe("Shipshape's own readiness review", () => {
  it("answers every one of the default template's 60 items, and nothing else", () => {
    expect(items).toHaveLength(60);
    expect(Object.keys(SHIPSHAPE_ANSWERS).sort()).toEqual(items.map((i) => i.key).sort());
  });

  it("explains every answer and justifies every N/A", () => {
    for (const [key, answer] of Object.entries(SHIPSHAPE_ANSWERS)) {
      if (answer.status === "NOT_APPLICABLE") expect(answer.naReason?.length ?? 0, key).toBeGreaterThan(10);
      else expect(answer.note.length, key).toBeGreaterThan(10);
    }
  });

  it("links every answer to a served doc heading that exists, over http(s) on the demo's base URL", () => {
    const docs = new Map(listDocs().map((doc) => [doc.slug, headingAnchors(readFileSync(doc.file, "utf8"))]));
    for (const [key, answer] of Object.entries(SHIPSHAPE_ANSWERS)) {
      expect(answer.evidence.length, key).toBeGreaterThan(0);
      for (const evidence of answer.evidence) {
        const anchors = docs.get(evidence.doc);
        expect(anchors, `${key}: /docs/${evidence.doc}`).toBeDefined();
        if (evidence.anchor) expect(anchors, `${key}: /docs/${evidence.doc}#${evidence.anchor}`).toContain(evidence.anchor);
        expect(evidenceUrl("http://localhost:3000", evidence)).toMatch(/^http:\/\/localhost:3000\/docs\/[a-z0-9-]+(#[a-z0-9_-]+)?$/);
      }
    }
  });

  it("cites test files that exist", () => {
    const cited = Object.values(SHIPSHAPE_ANSWERS).flatMap((a) =>
      [...a.note.matchAll(/\b((?:e2e|lib|ops|tests|prisma|scripts)\/[\w./-]+\.(?:ts|yml))\b/g)].map((m) => m[1] as string),
    );
    expect(cited.length).toBeGreaterThan(10);
    for (const file of cited) expect(() => readFileSync(file), file).not.toThrow();
  });

  it("earns L1, a go at tier 3, no blocker unmet — as the README says", () => {
    const result = evaluation();
    expect(result.level).toBe(1);
    expect(result.target).toBe(1);
    expect(result.verdict).toBe("GO");
    expect(result.reasons.filter((r) => r.code === "BLOCKER_UNMET")).toEqual([]);
    expect(readFileSync("README.md", "utf8")).toMatch(/### Shipshape's own readiness review[\s\S]*\*\*L1 MVP\*\*[\s\S]*\*\*go\*\*/);
  });
});
