import type { Metadata } from "next";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { listDocs } from "@/lib/docs/catalog";
import { DOCS_PATH, docHref } from "@/lib/routes";
import { requireViewer } from "@/lib/session/viewer";

export const metadata: Metadata = { title: "Docs" };

export default async function DocsPage() {
  await requireViewer(DOCS_PATH);
  const docs = listDocs();
  return (
    <div>
      <PageHeader title="Docs" description="Shipshape's own documentation: how to run it, its SLOs, runbooks and release procedure." />
      <Card>
        <CardContent>
          <ul className="space-y-2">
            {docs.map((doc) => (
              <li key={doc.slug}>
                <TextLink href={docHref(doc.slug)}>{doc.title}</TextLink>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
