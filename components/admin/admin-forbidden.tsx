import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/** What a signed-in non-admin sees on any admin page: a 403 in words, with a way back. */
export function AdminForbidden() {
  return (
    <>
      <PageHeader title="Admin" />
      <Alert tone="warning" title="Only admins can manage Shipshape">
        <p>People, teams, tier targets and checklist templates are managed by admins. Ask an admin if something here needs changing.</p>
      </Alert>
      <ButtonLink href="/services" variant="secondary" className="mt-6">
        Back to services
      </ButtonLink>
    </>
  );
}
