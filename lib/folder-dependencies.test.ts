import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dependencies between lib's folders point one way: lib/domain is pure, lib/auth (the rules) depends on it,
// lib/db depends on both, lib/session and lib/server sit above lib/db. A folder is one node; a file at lib's
// top (env, errors, health, lifecycle) is a node of its own. Tests are left out: they may reach anywhere.

const root = path.resolve(__dirname, "..");
const lib = path.join(root, "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** lib/db/x.ts → "lib/db"; lib/env.ts → "lib/env"; anything outside lib → null. */
function nodeOf(file: string): string | null {
  const relative = path.relative(lib, file).split(path.sep);
  if (relative[0] === ".." || relative.length === 0) return null;
  const first = relative[0] as string;
  return relative.length === 1 ? `lib/${first.replace(/\.tsx?$/, "")}` : `lib/${first}`;
}

const IMPORT = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(lib)) {
    const from = nodeOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? "";
      const target = specifier.startsWith("@/")
        ? path.join(root, specifier.slice(2))
        : specifier.startsWith(".")
          ? path.resolve(path.dirname(file), specifier)
          : null;
      const to = target ? nodeOf(target) : null;
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's nodes, found by walking from each node (the graph is a dozen nodes). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const walk = (start: string, node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) found.push([...trail, start]);
      else if (!trail.includes(next) && next > start) walk(start, next, [...trail, next]);
    }
  };
  for (const node of [...graph.keys()].sort()) walk(node, node, [node]);
  return found;
}

describe("lib folder dependencies", () => {
  const graph = folderGraph();
  const dependsOn = (from: string, to: string) => graph.get(from)?.has(to) ?? false;

  it("sees the folders it checks", () => {
    expect(dependsOn("lib/db", "lib/auth")).toBe(true);
    expect(dependsOn("lib/server", "lib/db")).toBe(true);
  });

  it("has no cycle between folders", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("keeps lib/db below lib/server, and lib/auth's rules free of the database", () => {
    expect(dependsOn("lib/db", "lib/server")).toBe(false);
    expect(dependsOn("lib/auth", "lib/db")).toBe(false);
  });
});
