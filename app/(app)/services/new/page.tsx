import type { Metadata } from "next";
import { ServiceForm } from "@/components/services/service-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/session/viewer";
import { listTeamsForViewer } from "@/lib/db/teams";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const viewer = await requireViewer("/services/new");
  const teams = await listTeamsForViewer(viewer);
  const breadcrumbs = [{ label: "Services", href: "/services" }, { label: "New service" }];

  if (teams.length === 0) {
    return (
      <>
        <PageHeader title="New service" breadcrumbs={breadcrumbs} />
        <EmptyState
          title="You can't add services yet"
          description="Services are added by editors of the team that owns them. Ask an admin to make you an editor on your team."
          action={
            <ButtonLink href="/services" variant="secondary">
              Back to services
            </ButtonLink>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="New service"
        description="Register a service so its team can run production readiness reviews on it."
        breadcrumbs={breadcrumbs}
      />
      <Card>
        <CardContent className="pt-5">
          <ServiceForm
            mode="create"
            teams={teams}
            cancelHref="/services"
            // One team to choose from is chosen for the person.
            initialValues={{ lifecycle: "DEVELOPMENT", teamId: teams.length === 1 ? teams[0]?.id : undefined }}
          />
        </CardContent>
      </Card>
    </>
  );
}
