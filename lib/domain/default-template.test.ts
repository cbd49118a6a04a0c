import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { DEFAULT_TEMPLATE, NEVER_RULES, concernPractice, flattenTemplateItems, type ConcernDef } from "./default-template";
import { parseChecklistSections, parseNeverRules, parseStepDetails } from "./seed-document";
import { LEVELS, TIERS } from "./types";

// The template is checked against the real seed document, so an edit to either side that
// breaks the 1:1 mapping fails here rather than silently drifting.
const seed = readFileSync(new URL("../../docs/production-readiness.md", import.meta.url), "utf8");
const sections = parseChecklistSections(seed);
const steps = parseStepDetails(seed);
const rules = parseNeverRules(seed);

const concerns = DEFAULT_TEMPLATE.concerns;
const allItems = concerns.flatMap((concern) => concern.items.map((item) => ({ concern, item })));
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function concernTitled(title: string, kind: ConcernDef["kind"]): ConcernDef {
  const found = concerns.filter((concern) => concern.title === title && concern.kind === kind);
  expect(found, `one ${kind} concern titled "${title}"`).toHaveLength(1);
  const [concern] = found;
  if (concern === undefined) throw new Error(`missing concern ${title}`);
  return concern;
}

function countSourceLine(line: string): number {
  return allItems.filter(({ item }) => item.sourceLine === line).length;
}

describe("seed document parser", () => {
  it("finds the five checklist sections with 26 lines", () => {
    expect(sections.map((section) => section.title)).toEqual([
      "Health & Lifecycle",
      "Resilience",
      "Configuration & Secrets",
      "Data Safety",
      "Operational Readiness",
    ]);
    expect(sections.flatMap((section) => section.lines)).toHaveLength(26);
    expect(sections[0]?.lines[0]).toBe("Health check endpoint (/healthz or /health) returns dependency status");
  });

  it("finds the seven step detail lines split on commas", () => {
    expect(steps.map((step) => step.title)).toEqual([
      "Logging & Observability",
      "Error Handling",
      "Performance",
      "Security",
      "Deployment",
      "Testing",
      "Documentation",
    ]);
    expect(steps[0]?.details).toEqual([
      "Structured logging",
      "log levels",
      "correlation IDs",
      "metrics endpoints",
      "distributed tracing",
      "alerting rules",
    ]);
  });

  it("finds the six NEVER rules", () => {
    expect(rules).toHaveLength(6);
    for (const rule of rules) expect(rule).toMatch(/^NEVER .+ — .+/);
  });

  it("accepts plain markdown checkboxes and CRLF line endings", () => {
    const md = "Production Readiness Checklist\r\n\r\nA\r\n\r\n- [ ] one\r\n* [ ] two\r\n\r\nNext heading\r\nprose\r\n";
    expect(parseChecklistSections(md)).toEqual([{ title: "A", lines: ["one", "two"] }]);
  });
});

describe("DEFAULT_TEMPLATE", () => {
  it("has the expected identity and concern order", () => {
    expect(DEFAULT_TEMPLATE).toMatchObject({ key: "default", version: 1, name: "Production Readiness" });
    expect(DEFAULT_TEMPLATE.description.length).toBeGreaterThan(0);
    expect(concerns.map((concern) => [concern.kind, concern.title])).toEqual([
      ...steps.map((step) => ["REVIEW_AREA", step.title]),
      ...sections.map((section) => ["CHECKLIST_SECTION", section.title]),
    ]);
  });

  it("contains every checklist line exactly once, in the right concern and order", () => {
    for (const section of sections) {
      const concern = concernTitled(section.title, "CHECKLIST_SECTION");
      expect(concern.items.map((item) => item.sourceLine)).toEqual(section.lines);
      for (const line of section.lines) expect(countSourceLine(line), line).toBe(1);
    }
  });

  it("contains every step detail exactly once, in the right concern and order", () => {
    for (const step of steps) {
      const concern = concernTitled(step.title, "REVIEW_AREA");
      expect(concern.items.map((item) => item.sourceLine)).toEqual(step.details);
      for (const detail of step.details) expect(countSourceLine(detail), detail).toBe(1);
    }
  });

  it("has no items beyond the seed lines", () => {
    const seedLineCount =
      sections.reduce((n, section) => n + section.lines.length, 0) + steps.reduce((n, step) => n + step.details.length, 0);
    expect(allItems).toHaveLength(seedLineCount);
  });

  it("uses unique kebab-case concern keys and unique namespaced item keys", () => {
    const concernKeys = concerns.map((concern) => concern.key);
    expect(new Set(concernKeys).size).toBe(concernKeys.length);
    for (const key of concernKeys) expect(key).toMatch(KEBAB);

    const itemKeys = allItems.map(({ item }) => item.key);
    expect(new Set(itemKeys).size).toBe(itemKeys.length);
    for (const { concern, item } of allItems) {
      const [prefix, slug, ...rest] = item.key.split(".");
      expect(prefix, item.key).toBe(concern.key);
      expect(slug ?? "", item.key).toMatch(KEBAB);
      expect(rest, item.key).toEqual([]);
    }
  });

  it("points every review area to a specialist practice in plain words, with a public https reference", () => {
    for (const concern of concerns) {
      expect(concern.description, concern.key).not.toMatch(/routed to|skill|agent|\/generate-docs/i);
      if (concern.kind !== "REVIEW_AREA") continue;
      expect(concern.practice?.advice, concern.key).toMatch(/\w+ .*\./);
      expect(concern.practice?.advice, concern.key).not.toMatch(/skill|agent/i);
      expect(concern.practice?.reference.href, concern.key).toMatch(/^https:\/\//);
      expect(concernPractice(DEFAULT_TEMPLATE.key, concern.key), concern.key).toBe(concern.practice);
    }
    expect(concernPractice("another-template", "logging")).toBeUndefined();
  });

  it("gives every item a title and short, practical guidance", () => {
    for (const { item } of allItems) {
      expect(item.title.trim(), item.key).not.toBe("");
      const sentences = item.guidance.split(/[.!?](?=\s|$)/).filter((s) => s.trim() !== "");
      expect(sentences.length, item.key).toBeGreaterThanOrEqual(1);
      expect(sentences.length, item.key).toBeLessThanOrEqual(3);
    }
  });

  it("has exactly six blockers, one per NEVER rule", () => {
    const blockers = allItems.filter(({ item }) => item.isBlocker).map(({ item }) => item);
    expect(blockers).toHaveLength(6);
    expect(new Set(blockers.map((item) => item.blockerRule))).toEqual(new Set(rules));
    expect([...NEVER_RULES]).toEqual(rules);
    for (const { item } of allItems) {
      expect(item.blockerRule !== undefined, item.key).toBe(item.isBlocker);
    }

    // Each rule must sit on the item that embodies it, not merely on some item.
    const byRule = new Map(blockers.map((item) => [item.blockerRule, item.sourceLine]));
    const expected: [RegExp, string][] = [
      [/^NEVER skip health checks/, "Health check endpoint (/healthz or /health) returns dependency status"],
      [/^NEVER store secrets/, "No secrets in code, images, or environment variable defaults"],
      [/^NEVER deploy without a rollback plan/, "rollback strategy"],
      [/^NEVER ignore error budget/, "SLOs defined (availability, latency, error rate) with error budgets"],
      [/^NEVER treat logging as optional/, "Structured logging"],
      [/^NEVER go to production without runbooks/, "Runbooks exist for top 5 most likely failure scenarios"],
    ];
    for (const [pattern, sourceLine] of expected) {
      const rule = rules.find((r) => pattern.test(r));
      expect(rule, String(pattern)).toBeDefined();
      expect(byRule.get(rule), String(pattern)).toBe(sourceLine);
    }
  });

  it("applies blockers to every tier, since NEVER rules have no tier exemptions", () => {
    for (const { item } of allItems.filter(({ item }) => item.isBlocker)) {
      expect([...item.tiers], item.key).toEqual([...TIERS]);
    }
  });

  it("uses every maturity level and keeps L1 a small set of fundamentals", () => {
    const perLevel = LEVELS.map((level) => allItems.filter(({ item }) => item.level === level).length);
    for (const count of perLevel) expect(count).toBeGreaterThan(0);
    const [l1 = 0] = perLevel;
    expect(l1).toBeLessThanOrEqual(allItems.length / 4);
  });

  it("uses non-empty, sorted, duplicate-free subsets of the service tiers", () => {
    for (const { item } of allItems) {
      expect(item.tiers.length, item.key).toBeGreaterThan(0);
      expect(new Set(item.tiers).size, item.key).toBe(item.tiers.length);
      expect([...item.tiers].sort(), item.key).toEqual([...item.tiers]);
      for (const tier of item.tiers) expect(TIERS, item.key).toContain(tier);
      // Only advanced (L4) items may skip lower tiers.
      if (item.tiers.length < TIERS.length) expect(item.level, item.key).toBe(4);
    }
  });
});

describe("flattenTemplateItems", () => {
  it("returns engine item definitions in template order", () => {
    const flat = flattenTemplateItems(DEFAULT_TEMPLATE);
    expect(flat.map((item) => item.key)).toEqual(allItems.map(({ item }) => item.key));
    expect(flat[0]).toEqual({
      key: "logging.structured-logging",
      concernKey: "logging",
      title: "Structured logging",
      level: 2,
      isBlocker: true,
      tiers: [1, 2, 3],
    });
    for (const [i, item] of flat.entries()) expect(item.concernKey).toBe(allItems[i]?.concern.key);
  });
});
