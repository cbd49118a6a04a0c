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

/** The numbered "Step Details" lines: title before the em dash, details split on ", ". */
export function parseStepDetails(markdown: string): SeedStepDetail[] {
  const steps: SeedStepDetail[] = [];
  for (const line of linesAfterHeading(markdown, "Step Details")) {
    if (line.trim() === "") {
      // Blank lines before the first step are layout; after the steps they end the list.
      if (steps.length > 0) break;
      continue;
    }
    const match = STEP.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) break;
    steps.push({ title: match[1], details: match[2].split(", ") });
  }
  return steps;
}

/** The numbered rules under "NEVER Do", full text after the number. */
export function parseNeverRules(markdown: string): string[] {
  const rules: string[] = [];
  for (const line of linesAfterHeading(markdown, "NEVER Do")) {
    if (line.trim() === "") {
      if (rules.length > 0) break;
      continue;
    }
    const match = NUMBERED.exec(line);
    if (match?.[1] === undefined || !match[1].startsWith("NEVER ")) break;
    rules.push(match[1]);
  }
  return rules;
}
