// Heading anchors as GitHub writes them ("## 3a. Overload" → "3a-overload"), so a link to docs/x.md#anchor in
// the repository and /docs/x#anchor in the app reach the same heading. Repeated headings get -1, -2 ….

export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** A slugger for one document: the same heading text twice gets a numbered second anchor. */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = headingSlug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/** Every heading anchor of a Markdown document (ATX headings outside fenced code). */
export function headingAnchors(markdown: string): string[] {
  const slug = createSlugger();
  const anchors: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) anchors.push(slug(heading[1]));
  }
  return anchors;
}
