// Pure readers for the seed document (docs/production-readiness.md). They exist so
// tests can prove the default template covers the seed line for line; they take the
// markdown as a string so nothing here touches the filesystem.

export type SeedChecklistSection = { title: string; lines: string[] };
export type SeedStepDetail = { title: string; details: string[] };

// The seed renders checkboxes as "  • [ ] text"; plain markdown "- [ ]" / "* [ ]" is
// accepted too so a reformatted copy of the document still parses.
const CHECKBOX = /^\s*[•\-*]\s*\[ \]\s+(.+?)\s*$/;
const NUMBERED = /^\s*\d+\.\s+(.+?)\s*$/;
// Step titles are separated from their details by an em dash.
const STEP = /^\s*\d+\.\s+(.+?)\s+—\s+(.+?)\s*$/;

function splitLines(markdown: string): string[] {
  return markdown.split(/\r?\n/);
}

/** Lines after the first line whose trimmed text equals `heading`; empty if absent. */
function linesAfterHeading(markdown: string, heading: string): string[] {
  const lines = splitLines(markdown);
  const start = lines.findIndex((line) => line.trim() === heading);
  return start === -1 ? [] : lines.slice(start + 1);
}

/**
 * The checklist sections under "Production Readiness Checklist", each with the text of
 * its "[ ]" lines. The block has no explicit end marker, so it ends at the first heading
 * that owns no checkbox lines ("Maturity Levels" in the seed).
 */
export function parseChecklistSections(markdown: string): SeedChecklistSection[] {
  const groups: SeedChecklistSection[] = [];
  for (const line of linesAfterHeading(markdown, "Production Readiness Checklist")) {
    if (line.trim() === "") continue;
    const box = CHECKBOX.exec(line);
    const current = groups[groups.length - 1];
    if (box?.[1] !== undefined) {
      // A checkbox before any heading is not part of a section; ignore it.
      current?.lines.push(box[1]);
      continue;
    }
    if (current !== undefined && current.lines.length === 0) break;
    groups.push({ title: line.trim(), lines: [] });
  }
  return groups.filter((group) => group.lines.length > 0);
}

/**
 * The numbered list right under `heading`, each line as `take` reads it. Blank lines before its first line are
 * layout; after it, a blank line or a line `take` refuses (undefined) ends the list.
 */
function numberedList<T>(markdown: string, heading: string, take: (line: string) => T | undefined): T[] {
  const items: T[] = [];
  for (const line of linesAfterHeading(markdown, heading)) {
    if (line.trim() === "") {
      if (items.length > 0) break;
      continue;
    }
    const item = take(line);
    if (item === undefined) break;
    items.push(item);
  }
  return items;
}

/** The numbered "Step Details" lines: title before the em dash, details split on ", ". */
export function parseStepDetails(markdown: string): SeedStepDetail[] {
  return numberedList(markdown, "Step Details", (line) => {
    const match = STEP.exec(line);
    return match?.[1] === undefined || match[2] === undefined ? undefined : { title: match[1], details: match[2].split(", ") };
  });
}

/** The numbered rules under "NEVER Do", full text after the number. */
export function parseNeverRules(markdown: string): string[] {
  return numberedList(markdown, "NEVER Do", (line) => {
    const rule = NUMBERED.exec(line)?.[1];
    return rule?.startsWith("NEVER ") ? rule : undefined;
  });
}
