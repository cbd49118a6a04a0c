import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// Request metrics are labelled by route template ("/services/[slug]"), never by raw path, so the number
// of series is bounded by the app's routes however many distinct URLs the world sends.

export const UNMATCHED_ROUTE = "(unmatched)";

type Segment = { kind: "static"; text: string } | { kind: "dynamic" } | { kind: "catchAll" } | { kind: "optionalCatchAll" };
type Template = { label: string; segments: Segment[] };

const RANK = { static: 0, dynamic: 1, catchAll: 2, optionalCatchAll: 3 } as const;

function parse(label: string): Template {
  const segments = label
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      if (part.startsWith("[[...")) return { kind: "optionalCatchAll" };
      if (part.startsWith("[...")) return { kind: "catchAll" };
      if (part.startsWith("[")) return { kind: "dynamic" };
      return { kind: "static", text: part };
    });
  return { label, segments };
}

// Next's precedence: a static segment beats a dynamic one, which beats a catch-all.
function compare(a: Template, b: Template): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? -1 : 1;
    if (RANK[x.kind] !== RANK[y.kind]) return RANK[x.kind] - RANK[y.kind];
  }
  return 0;
}

function matches(template: Template, parts: string[]): boolean {
  const { segments } = template;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    if (segment.kind === "optionalCatchAll") return true;
    if (segment.kind === "catchAll") return parts.length > i;
    const part = parts[i];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.text !== part) return false;
  }
  return parts.length === segments.length;
}

export type RouteLabeler = (pathname: string) => string;

/** A labeler for the given route templates; anything else is one label, `UNMATCHED_ROUTE`. */
export function createRouteLabeler(templates: Iterable<string>): RouteLabeler {
  const routes = [...new Set(templates)]
    .filter((t) => t.startsWith("/") && !t.startsWith("/_"))
    .map(parse)
    .sort(compare);
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    const parts = pathname.split("/").filter(Boolean);
    return routes.find((route) => matches(route, parts))?.label ?? UNMATCHED_ROUTE;
  };
}

/** `app/(app)/services/[slug]/page.tsx` → `/services/[slug]`: route groups do not appear in URLs. */
export function templateOfAppFile(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const leaf = parts.pop() ?? "";
  if (!/^(page|route)\.(tsx?|jsx?|mjs)$/.test(leaf)) return undefined;
  const segments = parts.filter((p) => !(p.startsWith("(") && p.endsWith(")")) && !p.startsWith("@"));
  return `/${segments.join("/")}`;
}

function scanAppDir(dir: string, prefix: string[] = []): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return scanAppDir(path.join(dir, entry.name), [...prefix, entry.name]);
    const template = templateOfAppFile([...prefix, entry.name].join("/"));
    return template ? [template] : [];
  });
}

/**
 * The app's route templates: from the production build's route manifest when there is one (that is
 * what is being served), else from the `app/` folder (development, where routes compile on demand).
 */
export function readRouteTemplates(root = process.cwd()): string[] {
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  if (existsSync(manifest)) {
    return Object.values(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>);
  }
  return scanAppDir(path.join(root, "app"));
}
