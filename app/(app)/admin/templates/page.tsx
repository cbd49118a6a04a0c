import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { TemplateVersionCard } from "@/components/admin/template-version-card";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { listTemplateVersions } from "@/lib/db/settings";
import { ADMIN_TEMPLATES_PATH } from "@/lib/routes";

export const metadata: Metadata = { title: "Checklist templates · Admin" };

export default async function AdminTemplatesPage() {
  const viewer = await requireViewer(ADMIN_TEMPLATES_PATH);
  if (!can(viewer, { type: "admin" })) return <AdminForbidden />;
  const templates = await listTemplateVersions(viewer);
  // Versions come newest first per key, so the first of each key is the one new reviews start on.
  const latestIds = new Set(templates.filter((t, i) => templates[i - 1]?.key !== t.key).map((t) => t.id));

  return (
    <>
      <AdminPageHeader
        title="Checklist templates"
        description="The checklist every review works through: items per maturity level and the blockers that force a no-go."
      />
      <Alert tone="info" role={undefined} title="Read-only" className="mb-6">
        <p>
          Templates cannot be edited here. The default template comes from the production readiness seed document and is installed by the
          database migration. Versions never change once installed: each review keeps the version it started with.
        </p>
      </Alert>
      {templates.length === 0 ? (
        <EmptyState
          title="No templates installed"
          description="Run the database migration (npm run db:migrate) to install the default template."
        />
      ) : (
        <div className="space-y-6">
          {templates.map((template) => (
            <TemplateVersionCard key={template.id} template={template} isLatest={latestIds.has(template.id)} />
          ))}
        </div>
      )}
    </>
  );
}
