import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { HeaderRow, Table, TBody, TD, TR } from "@/components/ui/table";
import { requireViewer } from "@/lib/session/viewer";
import { listApiTokens } from "@/lib/db/api-tokens";
import { todayUtc } from "@/lib/db/review-access";
import { lastTokenDay } from "@/lib/domain/api-tokens";
import { formatDate, formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const viewer = await requireViewer("/settings/tokens");
  const tokens = await listApiTokens(viewer);
  const now = new Date();
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description="Personal tokens let CI pipelines and scripts use the review API (/api/v1) as you, with your role and teams — read only, or read and write — until they expire. Send them as “Authorization: Bearer <token>”."
      />
      <Card>
        <CardHeader>
          <CardTitle>Create a token</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateTokenForm today={todayUtc(now)} />
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
                  "Access",
                  "Expires",
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
                    <TD>{t.scope === "WRITE" ? "Read and write" : "Read only"}</TD>
                    <TD>{formatDate(`${lastTokenDay(t.expiresAt)}T00:00:00Z`)}</TD>
                    <TD>{formatDateTime(t.createdAt)}</TD>
                    <TD>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</TD>
                    <TD>
                      {t.revokedAt ? (
                        <Badge tone="neutral">Revoked</Badge>
                      ) : t.expiresAt <= now ? (
                        <Badge tone="warning">Expired</Badge>
                      ) : (
                        <Badge tone="success">Active</Badge>
                      )}
                    </TD>
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
