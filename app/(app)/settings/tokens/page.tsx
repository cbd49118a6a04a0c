import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { HeaderRow, Table, TBody, TD, TR } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { listApiTokens } from "@/lib/db/api-tokens";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const viewer = await requireViewer("/settings/tokens");
  const tokens = await listApiTokens(viewer);
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description="Personal tokens let CI pipelines and scripts use the review API (/api/v1) as you, with your role and teams. Send them as “Authorization: Bearer <token>”."
      />
      <Card>
        <CardHeader>
          <CardTitle>Create a token</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateTokenForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your tokens</CardTitle>
        </CardHeader>
        <CardContent>
          {tokens.length === 0 ? (
            <EmptyState title="No tokens yet" description="Create one above when a pipeline needs to read or update reviews." />
          ) : (
            <Table label="Your API tokens">
              <HeaderRow
                columns={[
                  "Name",
                  "Starts with",
                  "Created",
                  "Last used",
                  "Status",
                  { key: "actions", label: <span className="sr-only">Actions</span> },
                ]}
              />
              <TBody>
                {tokens.map((t) => (
                  <TR key={t.id}>
                    <TD className="font-medium">{t.name}</TD>
                    <TD className="font-mono">{t.prefix}…</TD>
                    <TD>{formatDateTime(t.createdAt)}</TD>
                    <TD>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</TD>
                    <TD>{t.revokedAt ? <Badge tone="neutral">Revoked</Badge> : <Badge tone="success">Active</Badge>}</TD>
                    <TD>{t.revokedAt ? null : <RevokeTokenButton id={t.id} name={t.name} />}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
