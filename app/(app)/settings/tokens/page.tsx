import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { listApiTokens } from "@/lib/db/api-tokens";
import { todayUtc } from "@/lib/db/review-access";
import { lastTokenDay } from "@/lib/domain/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

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
              <THead>
                <TR>
                  <TH>Name</TH>
                  <TH>Starts with</TH>
                  <TH>Access</TH>
                  <TH>Expires</TH>
                  <TH>Created</TH>
                  <TH>Last used</TH>
                  <TH>Status</TH>
                  <TH>
                    <span className="sr-only">Actions</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {tokens.map((t) => (
                  <TR key={t.id}>
                    <TD className="font-medium">{t.name}</TD>
                    <TD className="font-mono">{t.prefix}…</TD>
                    <TD>{t.scope === "WRITE" ? "Read and write" : "Read only"}</TD>
                    <TD>{day.format(new Date(`${lastTokenDay(t.expiresAt)}T00:00:00Z`))}</TD>
                    <TD>{dateTime.format(t.createdAt)} UTC</TD>
                    <TD>{t.lastUsedAt ? `${dateTime.format(t.lastUsedAt)} UTC` : "Never"}</TD>
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
