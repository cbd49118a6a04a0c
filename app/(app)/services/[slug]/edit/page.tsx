import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceForm } from "@/components/services/service-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/session/viewer";
import { getServiceBySlug } from "@/lib/db/services";
import { listTeamsForViewer } from "@/lib/db/teams";
import { editServiceHref, serviceHref } from "@/lib/routes";

export const metadata: Metadata = { title: "Edit service" };

type PageProps = { params: Promise<{ slug: string }> };

export default async function EditServicePage({ params }: PageProps) {
  const { slug } = await params;
  const editHref = editServiceHref(slug);
  const viewer = await requireViewer(editHref);
  const [service, teams] = await Promise.all([getServiceBySlug(slug), listTeamsForViewer(viewer)]);
  if (!service) notFound();

  const serviceLink = serviceHref(service.slug);
  const breadcrumbs = [{ label: "Services", href: "/services" }, { label: service.name, href: serviceLink }, { label: "Edit" }];

  if (!can(viewer, { type: "service:update", teamId: service.team.id })) {
    return (
      <>
        <PageHeader title={`Edit ${service.name}`} breadcrumbs={breadcrumbs} />
        <Alert tone="warning" title="You can't edit this service">
          <p>Only editors of {service.team.name} and admins can change it.</p>
        </Alert>
        <ButtonLink href={serviceLink} variant="secondary" className="mt-6">
          Back to {service.name}
        </ButtonLink>
      </>
    );
  }

  return (
    <>
      <PageHeader title={`Edit ${service.name}`} breadcrumbs={breadcrumbs} />
      <Card>
        <CardContent className="pt-5">
          <ServiceForm
            mode="edit"
            teams={teams}
            cancelHref={serviceLink}
            reloadHref={`${serviceLink}/edit`}
            initialValues={{
              id: service.id,
              // The version this form was loaded with: saving fails instead of overwriting a newer change.
              version: String(service.version),
              name: service.name,
              slug: service.slug,
              description: service.description,
              teamId: service.team.id,
              tier: String(service.tier),
              lifecycle: service.lifecycle,
              repositoryUrl: service.repositoryUrl ?? "",
              runbookUrl: service.runbookUrl ?? "",
              dashboardUrl: service.dashboardUrl ?? "",
              healthUrl: service.healthUrl ?? "",
              onCall: service.onCall ?? "",
            }}
          />
        </CardContent>
      </Card>
    </>
  );
}
