import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The documents the app serves read-only under /docs: the README as "readme" and every docs/*.md by its file
// name. Only names from this list are ever read, so a slug can never reach another file.

export type DocEntry = { slug: string; title: string; file: string };

const SLUG = /^[a-z0-9-]+$/;

function titleOf(markdown: string, fallback: string): string {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? fallback;
}

export function listDocs(root: string = process.cwd()): DocEntry[] {
  const files: { slug: string; file: string }[] = [];
  const readme = path.join(root, "README.md");
  if (existsSync(readme)) files.push({ slug: "readme", file: readme });
  const dir = path.join(root, "docs");
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const slug = name.replace(/\.md$/, "");
      if (name.endsWith(".md") && SLUG.test(slug)) files.push({ slug, file: path.join(dir, name) });
    }
  }
  return files.map(({ slug, file }) => ({ slug, file, title: titleOf(readFileSync(file, "utf8"), slug) }));
}

export function readDoc(slug: string, root: string = process.cwd()): { slug: string; title: string; markdown: string } | null {
  const entry = listDocs(root).find((doc) => doc.slug === slug);
  if (!entry) return null;
  return { slug, title: entry.title, markdown: readFileSync(entry.file, "utf8") };
}
