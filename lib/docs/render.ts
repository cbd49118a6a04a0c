import { Marked, type Tokens } from "marked";
import { docHref } from "@/lib/routes";
import { createSlugger } from "@/lib/docs/heading-slug";

// The project's own Markdown (README, docs/*.md) as HTML for the read-only docs pages. The files are ours, but
// raw HTML in them is still shown as text, never interpreted, and links between the files point at the app's
// docs pages instead of the repository paths.

export type RenderedDoc = { html: string; headings: { depth: number; text: string; id: string }[] };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** `docs/runbooks.md#overload`, `runbooks.md`, `../README.md` → the app's docs page; anything else unchanged. */
export function docLink(href: string): string {
  const match = /^(?:\.\.?\/)*(?:docs\/)?([A-Za-z0-9-]+)\.md(#.*)?$/.exec(href);
  if (!match?.[1]) return href;
  return docHref(match[1].toLowerCase(), match[2]?.slice(1));
}

export function renderMarkdown(markdown: string): RenderedDoc {
  const slug = createSlugger();
  const headings: RenderedDoc["headings"] = [];
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline: (tokens: Tokens.Heading["tokens"]) => string } }, token: Tokens.Heading) {
        const id = slug(token.text);
        headings.push({ depth: token.depth, text: token.text.replace(/`/g, ""), id });
        return `<h${token.depth} id="${id}">${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
    },
    walkTokens(token) {
      if (token.type === "link") (token as Tokens.Link).href = docLink((token as Tokens.Link).href);
    },
  });
  const html = marked.parse(markdown) as string;
  return { html, headings };
}
