import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { CheckBindingForm, type CheckableItem } from "@/components/admin/check-binding-form";
import { RemoveCheckBinding } from "@/components/admin/remove-check-binding";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Caption, HeaderRow, Table, TBody, TD, TH, TR } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { listCheckBindings } from "@/lib/db/checks";
import { getReviewTemplate } from "@/lib/db/review-data";
import { getLatestTemplateId } from "@/lib/db/templates";
import { CHECK_KIND_WORDS } from "@/lib/domain/words";
import { ADMIN_CHECKS_PATH } from "@/lib/routes";
import { requireViewer } from "@/lib/session/viewer";

export const metadata: Metadata = { title: "Automated checks · Admin" };

function validity(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? "day" : "days"}`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

export default async function AdminChecksPage() {
  const viewer = await requireViewer(ADMIN_CHECKS_PATH);
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const [bindings, templateId] = await Promise.all([listCheckBindings(), getLatestTemplateId()]);
  const template = templateId ? await getReviewTemplate(templateId) : null;
  const concernTitle = new Map(template?.concerns.map((concern) => [concern.key, concern.title]));
  const items: CheckableItem[] = (template?.items ?? []).map((item) => ({
    key: item.key,
    title: item.title,
    concernTitle: concernTitle.get(item.concernKey) ?? item.concernKey,
  }));
  const titleOf = new Map(items.map((item) => [item.key, item.title]));

  return (
    <>
      <AdminPageHeader
        title="Automated checks"
        description="Bind a checklist item to a check, and its result shows on every review with the answer it suggests. A person still confirms the answer."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Bound items</CardTitle>
              <CardDescription>
                A result counts until its time is up; after that the review warns that it is stale. HTTP probes run every 15 minutes for
                every service with a health check URL; CI results arrive through POST /api/v1/services/&#123;slug&#125;/checks.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            {bindings.length === 0 ? (
              <EmptyState as="h3" title="No item is checked automatically yet" description="Bind an item below to start." />
            ) : (
              <Table label="Bound items">
                <Caption srOnly>Checklist items bound to an automated check</Caption>
                <HeaderRow
                  columns={["Item", "Check", "Counts for", "Timeout", { label: <span className="sr-only">Actions</span>, key: "actions" }]}
                />
                <TBody>
                  {bindings.map((binding) => (
                    <TR key={binding.id}>
                      <TH scope="row">
                        {titleOf.get(binding.itemKey) ?? binding.itemKey}
                        <span className="block font-mono text-xs font-normal break-all text-ink-muted">{binding.itemKey}</span>
                      </TH>
                      <TD>{CHECK_KIND_WORDS[binding.kind]}</TD>
                      <TD>{validity(binding.validForMinutes)}</TD>
                      <TD className="tabular-nums">{binding.kind === "HTTP_PROBE" ? `${binding.timeoutMs} ms` : "—"}</TD>
                      <TD>
                        <RemoveCheckBinding itemKey={binding.itemKey} itemTitle={titleOf.get(binding.itemKey) ?? binding.itemKey} />
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <div>
              <CardTitle>Bind an item</CardTitle>
              <CardDescription>Binding an item that is already bound changes its check.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <CheckBindingForm items={items} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
