import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { readDoc } from "@/lib/docs/catalog";
import { renderMarkdown } from "@/lib/docs/render";
import { DOCS_PATH, docHref } from "@/lib/routes";
import { requireViewer } from "@/lib/session/viewer";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = readDoc((await params).slug);
  return { title: doc?.title ?? "Document not found" };
}

// Read only, for every signed-in person: the runbooks and release notes on-call needs, and the pages the
// readiness reviews link to as evidence.
export default async function DocPage({ params }: Props) {
  const { slug } = await params;
  await requireViewer(docHref(slug));
  const doc = readDoc(slug);
  if (!doc) notFound();
  // The title is the page header; the first heading of the file is that same title.
  const { html } = renderMarkdown(doc.markdown.replace(/^#\s+.*\n/, ""));
  return (
    <div>
      <PageHeader title={doc.title} breadcrumbs={[{ label: "Docs", href: DOCS_PATH }, { label: doc.title }]} />
      <article
        className="doc-content max-w-4xl"
        // The project's own Markdown, rendered with raw HTML escaped (lib/docs/render.ts).
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
