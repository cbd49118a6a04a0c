import { describe, expect, it } from "vitest";
import { headingAnchors, headingSlug } from "@/lib/docs/heading-slug";
import { docLink, renderMarkdown } from "@/lib/docs/render";

describe("headingSlug", () => {
  it.each([
    ["3a. Overload", "3a-overload"],
    ["Rotate `NEXTAUTH_SECRET`", "rotate-nextauth_secret"],
    ["Upgrade & rollback (under 5 minutes)", "upgrade--rollback-under-5-minutes"],
    ["Loss of a replica", "loss-of-a-replica"],
  ])("%s → %s", (text, slug) => expect(headingSlug(text)).toBe(slug));
});

describe("headingAnchors", () => {
  it("numbers repeated headings and ignores fenced code", () => {
    expect(headingAnchors("# Title\n## Do\n```sh\n# not a heading\n```\n## Do\n")).toEqual(["title", "do", "do-1"]);
  });
});

describe("docLink", () => {
  it.each([
    ["docs/runbooks.md#overload", "/docs/runbooks#overload"],
    ["runbooks.md", "/docs/runbooks"],
    ["../README.md#testing", "/docs/readme#testing"],
    ["#database-roles", "#database-roles"],
    ["https://example.com/x.md", "https://example.com/x.md"],
  ])("%s → %s", (href, expected) => expect(docLink(href)).toBe(expected));
});

describe("renderMarkdown", () => {
  it("gives headings GitHub's anchors and lists them", () => {
    const { html, headings } = renderMarkdown("## 3a. Overload\n\ntext\n\n### Do `this`\n");
    expect(html).toContain('<h2 id="3a-overload">3a. Overload</h2>');
    expect(html).toContain('<h3 id="do-this">Do <code>this</code></h3>');
    expect(headings.map((h) => h.id)).toEqual(["3a-overload", "do-this"]);
  });

  it("shows raw HTML as text and points links between the docs at the docs pages", () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\nSee [runbooks](docs/runbooks.md#overload) and <img src=x onerror="y">.');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="/docs/runbooks#overload">runbooks</a>');
  });
});
