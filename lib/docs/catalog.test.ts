import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listDocs, readDoc } from "@/lib/docs/catalog";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "docs-"));
  mkdirSync(path.join(root, "docs"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe("docs catalog", () => {
  it("serves the README and docs/*.md by name, titled by their first heading", () => {
    const root = tree({ "README.md": "# Shipshape\n", "docs/runbooks.md": "# Runbooks\n## Overload\n", "docs/notes.txt": "x" });
    expect(listDocs(root).map(({ slug, title }) => ({ slug, title }))).toEqual([
      { slug: "readme", title: "Shipshape" },
      { slug: "runbooks", title: "Runbooks" },
    ]);
    expect(readDoc("runbooks", root)?.markdown).toContain("## Overload");
  });

  it("reads nothing but the listed files", () => {
    const root = tree({ "README.md": "# Shipshape\n", "secret.md": "# secret\n" });
    for (const slug of ["../README", "../secret", "secret", "notes.txt", "RUNBOOKS"]) expect(readDoc(slug, root)).toBeNull();
  });

  it("lists the project's own runbooks and releases", () => {
    const slugs = listDocs().map((doc) => doc.slug);
    expect(slugs).toEqual(expect.arrayContaining(["readme", "runbooks", "releases", "production-readiness"]));
  });
});
